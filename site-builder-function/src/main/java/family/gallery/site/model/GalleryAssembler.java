package family.gallery.site.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import family.gallery.ingest.MediaKey;
import family.gallery.site.model.AlbumSettings.PhotoOrder;
import family.gallery.site.model.BuildIssue.Kind;

/**
 * Turns the catalog and the albums' {@code album.yml} files into the album tree the site shows:
 * failed photos, hidden albums and empty albums are left out and reported; the motion of a Live
 * Photo is left out silently, as part of its photo.
 */
public final class GalleryAssembler {

    public enum AlbumOrder {
        NEWEST_FIRST, OLDEST_FIRST, NAME
    }

    private static final Comparator<String> BY_NAME =
            Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT)).thenComparing(name -> name);
    private static final Comparator<Photo> BY_FILE_NAME = Comparator.comparing(Photo::fileName, BY_NAME);
    private static final Comparator<Photo> BY_TAKEN_AT = Comparator
            .comparing(Photo::takenAt, Comparator.nullsLast(Comparator.<LocalDateTime>naturalOrder()))
            .thenComparing(BY_FILE_NAME);

    private final AlbumOrder albumOrder;

    public GalleryAssembler(AlbumOrder albumOrder) {
        this.albumOrder = albumOrder;
    }

    /**
     * @param catalog  every photo the catalog holds, ready or failed
     * @param settings the parsed {@code album.yml} of each album path that has one
     */
    public Gallery assemble(Collection<CatalogPhoto> catalog, Map<String, AlbumYaml.Parsed> settings) {
        return assemble(catalog, settings, Audience.EVERY_ALBUM);
    }

    /**
     * The gallery as one audience sees it: only the albums it may see, with counts, covers and dates
     * from those alone. An album is seen only if its parent is (for a guest link, from its album down).
     */
    public Gallery assemble(Collection<CatalogPhoto> catalog, Map<String, AlbumYaml.Parsed> settings, Audience audience) {
        List<BuildIssue> issues = new ArrayList<>();
        settings.forEach((path, parsed) -> parsed.problems().forEach(problem ->
                issues.add(new BuildIssue(Kind.MALFORMED_ALBUM_YML, ymlKey(path), problem))));

        Map<String, CatalogPhoto> motions = livePhotoMotions(catalog);
        Set<String> motionKeys = motions.values().stream().map(CatalogPhoto::sourceKey).collect(Collectors.toSet());
        Map<String, List<CatalogPhoto>> readyByAlbum = new HashMap<>();
        for (CatalogPhoto photo : catalog) {
            if (!photo.ready()) {
                issues.add(new BuildIssue(Kind.FAILED_PHOTO, photo.sourceKey(),
                        Objects.requireNonNullElse(photo.failureReason(), "no renditions")));
            } else if (!motionKeys.contains(photo.sourceKey())) {
                readyByAlbum.computeIfAbsent(photo.album(), a -> new ArrayList<>()).add(photo);
            }
        }

        TreeSet<String> paths = new TreeSet<>();
        // Albums of failed photos too, so an album whose every photo failed is reported as empty.
        Stream.concat(catalog.stream().map(CatalogPhoto::album), settings.keySet().stream()).forEach(path -> {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                paths.add(path.substring(0, slash));
            }
            paths.add(path);
        });

        Builder builder = new Builder(readyByAlbum, motions, settings, paths, issues, audience);
        String root = audience.root();
        List<Album> topLevel = root == null
                ? paths.stream().filter(path -> path.indexOf('/') < 0)
                        .map(path -> builder.build(path, Viewers.EVERYONE)).filter(Objects::nonNull).sorted(albumComparator()).toList()
                : paths.contains(root) && !builder.hiddenAbove(root)
                        ? Stream.of(builder.build(root, builder.inheritedViewers(root))).filter(Objects::nonNull).toList()
                        : List.<Album>of();
        return new Gallery(topLevel, List.copyOf(issues));
    }

    /**
     * iPhone Live Photos' motion by the key of their photo: a {@code .mov} beside a photo of the same
     * name, ignoring case ({@code IMG_2041.MOV} beside {@code IMG_2041.HEIC} or {@code IMG_2041.JPG}).
     * It is part of that photo, not a video of its own.
     */
    static Map<String, CatalogPhoto> livePhotoMotions(Collection<CatalogPhoto> catalog) {
        List<CatalogPhoto> movs = catalog.stream()
                .filter(item -> item.fileName().toLowerCase(Locale.ROOT).endsWith(".mov")).toList();
        // Only the albums that hold a .mov are looked through for stills: most hold none.
        Set<String> albumsWithMovs = movs.stream().map(CatalogPhoto::album).collect(Collectors.toSet());
        Map<String, String> stillsByName = new HashMap<>();
        for (CatalogPhoto item : catalog) {
            if (albumsWithMovs.contains(item.album()) && MediaKey.of(item.sourceKey()).kind() == MediaKey.Kind.PHOTO) {
                stillsByName.put(sameNameKey(item), item.sourceKey());
            }
        }
        Map<String, CatalogPhoto> motions = new HashMap<>();
        for (CatalogPhoto mov : movs) {
            String still = stillsByName.get(sameNameKey(mov));
            if (still != null) {
                motions.put(still, mov);
            }
        }
        return motions;
    }

    /** The album and the file name without its extension, ignoring case. */
    private static String sameNameKey(CatalogPhoto item) {
        int dot = item.fileName().lastIndexOf('.');
        String stem = dot < 0 ? item.fileName() : item.fileName().substring(0, dot);
        return item.album() + "/" + stem.toLowerCase(Locale.ROOT);
    }

    private final class Builder {
        private final Map<String, List<CatalogPhoto>> readyByAlbum;
        private final Map<String, CatalogPhoto> motions;
        private final Map<String, AlbumYaml.Parsed> settings;
        private final TreeSet<String> paths;
        private final List<BuildIssue> issues;
        private final Audience audience;

        Builder(Map<String, List<CatalogPhoto>> readyByAlbum, Map<String, CatalogPhoto> motions,
                Map<String, AlbumYaml.Parsed> settings, TreeSet<String> paths, List<BuildIssue> issues, Audience audience) {
            this.readyByAlbum = readyByAlbum;
            this.motions = motions;
            this.settings = settings;
            this.paths = paths;
            this.issues = issues;
            this.audience = audience;
        }

        private AlbumSettings settingsOf(String path) {
            AlbumYaml.Parsed parsed = settings.get(path);
            return parsed == null ? AlbumSettings.DEFAULTS : parsed.settings();
        }

        /** Who may see the album's parent: the nearest ancestor's {@code viewers:}, else everyone. */
        Viewers inheritedViewers(String path) {
            Viewers viewers = Viewers.EVERYONE;
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                Viewers own = settingsOf(path.substring(0, slash)).viewers();
                viewers = own == null ? viewers : own;
            }
            return viewers;
        }

        boolean hiddenAbove(String path) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                if (settingsOf(path.substring(0, slash)).hidden()) {
                    return true;
                }
            }
            return false;
        }

        /** @param inherited who may see the parent */
        Album build(String path, Viewers inherited) {
            AlbumSettings album = settingsOf(path);
            if (album.hidden()) {
                issues.add(new BuildIssue(Kind.HIDDEN_ALBUM, path, "hidden by album.yml, with its sub-albums"));
                return null;
            }
            Viewers viewers = album.viewers() == null ? inherited : album.viewers();
            if (!audience.sees(path, viewers, album.viewers() != null)) {
                return null;
            }
            List<Album> children = childPaths(path).stream().map(child -> build(child, viewers)).filter(Objects::nonNull)
                    .sorted(albumComparator()).toList();
            List<Photo> photos = photos(path, album);
            if (photos.isEmpty() && children.isEmpty()) {
                issues.add(new BuildIssue(Kind.EMPTY_ALBUM, path, "no photos to show"));
                return null;
            }
            Photo cover = cover(path, album, photos, children);
            LocalDate from = album.date();
            LocalDate to = album.date();
            if (from == null) {
                List<LocalDate> days = Stream.concat(
                        photos.stream().map(Photo::takenAt).filter(Objects::nonNull).map(LocalDateTime::toLocalDate),
                        children.stream().flatMap(child -> Stream.of(child.from(), child.to())).filter(Objects::nonNull))
                        .sorted().toList();
                from = days.isEmpty() ? null : days.get(0);
                to = days.isEmpty() ? null : days.get(days.size() - 1);
            }
            String title = album.title() != null ? album.title() : path.substring(path.lastIndexOf('/') + 1);
            return new Album(path, title, album.description(), photos, children, cover, from, to, viewers, album.sort(),
                    album.viewerSort(), album.originals());
        }

        private List<String> childPaths(String path) {
            String prefix = path + "/";
            return paths.subSet(prefix, prefix + Character.MAX_VALUE).stream()
                    .filter(candidate -> candidate.indexOf('/', prefix.length()) < 0).toList();
        }

        private List<Photo> photos(String path, AlbumSettings album) {
            List<Photo> photos = readyByAlbum.getOrDefault(path, List.of()).stream()
                    .map(item -> new Photo(item.fileName(), item.sourceKey(), item.width(), item.height(),
                            item.renditions(), caption(album, item), item.takenAt(), item.offset(), item.details(),
                            item.video(), motion(item)))
                    .toList();
            return sorted(photos, album);
        }

        /** album.yml's caption, else the photo's own unless the album ignores those. */
        private static String caption(AlbumSettings album, CatalogPhoto item) {
            return album.captions().getOrDefault(item.fileName(), album.embeddedCaptions() ? item.caption() : null);
        }

        private Rendition motion(CatalogPhoto still) {
            CatalogPhoto motion = motions.get(still.sourceKey());
            return motion != null && motion.ready() && motion.video() != null ? motion.video().webVersion() : null;
        }

        private Photo cover(String path, AlbumSettings album, List<Photo> photos, List<Album> children) {
            if (album.cover() != null) {
                for (Photo photo : photos) {
                    if (photo.fileName().equals(album.cover())) {
                        return photo;
                    }
                }
                issues.add(new BuildIssue(Kind.MALFORMED_ALBUM_YML, ymlKey(path),
                        "cover '" + album.cover() + "' is not a photo shown in this album"));
            }
            return photos.isEmpty() ? children.get(0).cover() : photos.get(0);
        }
    }

    static List<Photo> sorted(List<Photo> photos, AlbumSettings album) {
        if (album.sort() == PhotoOrder.NAME) {
            return photos.stream().sorted(BY_FILE_NAME).toList();
        }
        if (album.sort() == PhotoOrder.EXPLICIT) {
            Map<String, Integer> rank = new HashMap<>();
            album.explicitOrder().forEach(name -> rank.putIfAbsent(name, rank.size()));
            return photos.stream().sorted(Comparator
                    .comparing((Photo photo) -> rank.getOrDefault(photo.fileName(), Integer.MAX_VALUE))
                    .thenComparing(BY_TAKEN_AT)).toList();
        }
        return photos.stream().sorted(BY_TAKEN_AT).toList();
    }

    private Comparator<Album> albumComparator() {
        Comparator<Album> byTitle = Comparator.comparing(Album::title, BY_NAME);
        return switch (albumOrder) {
            case NAME -> byTitle;
            case OLDEST_FIRST -> Comparator.comparing(Album::from, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                    .thenComparing(byTitle);
            case NEWEST_FIRST -> Comparator.comparing(Album::to, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                    .thenComparing(byTitle);
        };
    }

    private static String ymlKey(String albumPath) {
        return "albums/" + albumPath + "/album.yml";
    }
}
