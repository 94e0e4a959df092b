package family.gallery.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample albums go through the real functions and come out as a private site behind the login. */
@ExtendWith(RunningPreview.class)
class PreviewTest {

    private static final Pattern FIRST_RENDITION = Pattern.compile("src=\"((?:\\.\\./)+a/everyone/media/[^\"]+\\.jpg)\"");
    /** A video's tile links to its web version. */
    private static final Pattern VIDEO_TILE = Pattern.compile("href=\"((?:\\.\\./)+a/everyone/media/[^\"]+\\.mp4)\"");

    @Test
    void everySamplePhotoIsReadyAndTheSiteIsBuilt(Preview preview) {
        PipelineProgress progress = RunningPreview.awaitSettled(preview);
        assertTrue(progress.photos() >= 13, progress.describe(Instant.now()));
        assertEquals(progress.photos(), progress.ready(), progress.describe(Instant.now()));
        assertEquals(java.util.List.of(), progress.failures());
        assertTrue(progress.siteBuilt().isPresent());
    }

    @Test
    void withoutSigningInTheSiteShowsOnlyTheLoginPage(Preview preview) {
        HttpResponse<String> home = new GalleryClient(preview.siteUrl()).get("/");
        assertEquals(403, home.statusCode());
        assertTrue(home.body().contains("id=\"login-form\""), home.body());
        assertEquals(403, new GalleryClient(preview.siteUrl()).get("/albums/Garden/index.html").statusCode());
    }

    @Test
    void aWrongPasswordIssuesNoCookies(Preview preview) {
        HttpResponse<String> refused = new GalleryClient(preview.siteUrl()).signIn(PreviewViewer.NAME, "not-the-password");
        assertTrue(refused.headers().allValues("set-cookie").isEmpty(), refused.headers().toString());
        assertTrue(refused.statusCode() >= 400, "status " + refused.statusCode());
    }

    @Test
    void thePrintedLoginOpensTheAlbumsAndTheirPhotos(Preview preview) {
        GalleryClient client = new GalleryClient(preview.siteUrl());
        HttpResponse<String> signedIn = client.signIn(preview.viewer().name(), preview.viewer().password());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        assertTrue(client.home().matches("/v/[0-9a-f]{16}/index.html"), client.home());
        assertTrue(client.cookiePaths().containsAll(List.of(client.home().replace("index.html", ""), "/a/everyone/", "/login")),
                "a cookie set for the viewer's pages and one for everyone's photos: " + client.cookiePaths());

        String home = client.get(client.home()).body();
        assertTrue(home.contains("Summer by the sea") && home.contains("Garden"), home);
        String albumPage = client.albumPage("Summer by the sea");
        HttpResponse<String> album = client.get(albumPage);
        assertEquals(200, album.statusCode());
        assertTrue(album.body().contains("Day trip"), "the nested album is listed");
        assertTrue(album.body().contains("143 steps to the top &lt;and worth every one&gt;."), "the caption from album.yml, escaped");

        Matcher rendition = FIRST_RENDITION.matcher(album.body());
        assertTrue(rendition.find(), album.body());
        HttpResponse<String> photo = client.get(URI.create(albumPage).resolve(rendition.group(1)).toString());
        assertEquals(200, photo.statusCode(), rendition.group(1));
        assertEquals("image/jpeg", photo.headers().firstValue("content-type").orElse(""));

        Matcher video = VIDEO_TILE.matcher(album.body());
        assertTrue(video.find(), "the phone clip has a tile: " + album.body());
        HttpResponse<String> start = client.get(URI.create(albumPage).resolve(video.group(1)).toString(), "bytes=0-99");
        assertEquals(206, start.statusCode(), "players read videos in ranges");
        assertEquals("video/mp4", start.headers().firstValue("content-type").orElse(""));
        assertTrue(start.headers().firstValue("content-range").orElse("").startsWith("bytes 0-99/"));
    }

    @Test
    void thePhonesLivePhotoShowsAsOnePhoto(Preview preview) {
        RunningPreview.awaitSettled(preview);
        GalleryClient client = new GalleryClient(preview.siteUrl());
        client.signIn(preview.viewer().name(), preview.viewer().password());
        String dayTrip = client.get(client.albumPage("Summer by the sea/Day trip")).body();
        assertEquals(4, Pattern.compile("class=\"tile ").matcher(dayTrip).results().count(),
                "three JPEGs and the HEIC; the Live Photo's MOV is not listed: " + dayTrip);
        assertTrue(dayTrip.contains("data-camera") && dayTrip.contains("IMG_2041"), dayTrip);
    }
}
