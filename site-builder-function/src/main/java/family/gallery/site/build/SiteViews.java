package family.gallery.site.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.ShareLinks;
import family.gallery.site.model.Album;
import family.gallery.site.model.AlbumYaml;
import family.gallery.site.model.Audience;
import family.gallery.site.model.BuildIssue;
import family.gallery.site.model.CatalogPhoto;
import family.gallery.site.model.Gallery;
import family.gallery.site.model.GalleryAssembler;
import family.gallery.site.model.Photo;
import family.gallery.site.model.Rendition;
import family.gallery.site.render.SitePaths;
import family.gallery.site.render.SiteView;

/**
 * Every audience's copy of the site: one per combination of groups the viewers have (always one for
 * viewers in no group), one per guest link; the media each links to; and what the build report should
 * say about viewers and links.
 */
public final class SiteViews {

    /**
     * @param sharesPublished for each guest link, whether its album is on the site
     * @param media           every rendition and web version published: key in the web bucket, key in the resized bucket
     * @param originals       every original published: key in the web bucket, key in the source bucket
     */
    public record Plan(List<SiteView> views, Map<String, String> media, Map<String, String> originals,
            List<BuildIssue> issues, Map<ShareLinks.Share, Boolean> sharesPublished) {
    }

    private SiteViews() {
    }

    /**
     * @param everything the gallery with every album, for checking {@code viewers:}
     */
    /**
     * @param originals  whether the stack allows originals to be downloaded
     */
    public static Plan plan(GalleryAssembler assembler, Collection<CatalogPhoto> catalog,
            Map<String, AlbumYaml.Parsed> settings, Gallery everything, AccessSource.Access access, boolean originals) {
        List<SiteView> views = new ArrayList<>();
        Set<SortedSet<GroupName>> groupSets = new LinkedHashSet<>();
        groupSets.add(new TreeSet<>());
        groupSets.addAll(access.viewerGroups());
        for (SortedSet<GroupName> groups : groupSets) {
            views.add(SiteView.members(groups, assembler.assemble(catalog, settings, Audience.members(groups)), originals));
        }
        List<BuildIssue> issues = new ArrayList<>(unknownGroups(everything, settings, groupSets));
        Map<ShareLinks.Share, Boolean> published = new LinkedHashMap<>();
        for (ShareLinks.Share share : access.shares()) {
            Gallery shared = assembler.assemble(catalog, settings, Audience.guests(share.album()));
            published.put(share, !shared.topLevel().isEmpty());
            if (shared.topLevel().isEmpty()) {
                issues.add(new BuildIssue(BuildIssue.Kind.GUEST_LINK, share.album(), "guest link " + share.id()
                        + " shares an album that is not on the site (deleted, renamed, hidden or empty): it opens nothing"));
            } else {
                views.add(SiteView.guests(share.id(), shared, share.allowDownload()));
            }
        }
        return new Plan(views, media(views), originals(views), issues, published);
    }

    /** Albums whose {@code viewers:} name a group without members: shown only to the groups that have some. */
    static List<BuildIssue> unknownGroups(Gallery everything, Map<String, AlbumYaml.Parsed> settings,
            Set<SortedSet<GroupName>> groupSets) {
        Set<GroupName> withMembers = new TreeSet<>();
        groupSets.forEach(withMembers::addAll);
        List<BuildIssue> issues = new ArrayList<>();
        for (Album album : everything.allAlbums()) {
            AlbumYaml.Parsed parsed = settings.get(album.path());
            if (parsed == null || parsed.settings().viewers() == null) {
                continue;
            }
            List<String> unknown = parsed.settings().viewers().groups().stream().filter(group -> !withMembers.contains(group))
                    .map(GroupName::value).toList();
            if (!unknown.isEmpty()) {
                List<String> known = parsed.settings().viewers().groups().stream().filter(withMembers::contains)
                        .map(GroupName::value).toList();
                issues.add(new BuildIssue(BuildIssue.Kind.VIEWERS, album.path(), "viewers: no viewer is in "
                        + String.join(", ", unknown) + " (gallery-admin group add); the album is shown to "
                        + (known.isEmpty() ? "nobody" : String.join(", ", known) + " only")));
            }
        }
        return issues;
    }

    /** The originals each view offers, under the prefix it serves the album's media from. */
    public static Map<String, String> originals(List<SiteView> views) {
        Map<String, String> originals = new LinkedHashMap<>();
        for (SiteView view : views) {
            for (Album album : view.gallery().allAlbums()) {
                for (Photo photo : album.photos()) {
                    if (view.offersOriginal(photo)) {
                        originals.put(view.mediaPrefix(photo) + SitePaths.originalKey(photo), photo.sourceKey());
                    }
                }
            }
        }
        return originals;
    }

    /** Each view's photos, posters, video web versions and Live Photo motions, under the prefix the view serves them from. */
    public static Map<String, String> media(List<SiteView> views) {
        Map<String, String> media = new LinkedHashMap<>();
        for (SiteView view : views) {
            for (Album album : view.gallery().allAlbums()) {
                for (Photo photo : album.photos()) {
                    String prefix = view.mediaPrefix(photo);
                    List<Rendition> objects = new ArrayList<>(photo.renditions());
                    if (photo.isVideo()) {
                        objects.add(photo.video().webVersion());
                    }
                    if (photo.motion() != null) {
                        objects.add(photo.motion());
                    }
                    objects.forEach(object -> media.put(prefix + object.key(), object.key()));
                }
            }
        }
        return media;
    }
}
