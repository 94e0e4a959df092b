package family.gallery.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import family.gallery.accounts.AccountException;
import family.gallery.accounts.GroupName;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccount;
import family.gallery.accounts.ViewerName;
import family.gallery.catalog.PhotoCatalog;
import family.gallery.ingest.MediaKey;
import family.gallery.ingest.Routing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * Who sees what: viewer groups and guest links. A change asks for a site build, which publishes the
 * pages and media of the new audiences and deletes those of audiences gone.
 */
final class AccessCommands {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String QUIET = "once the pipeline has been quiet for the stack's QuietPeriodSeconds (about a minute)";
    static final String REBUILT = "The site is rebuilt " + QUIET + ".";

    private AccessCommands() {
    }

    /** Base of the guest link commands: the links in the accounts table. */
    abstract static class LinkCommand extends AdminCli.TableCommand {
        ShareLinks links() {
            return new ShareLinks(services().dynamoDb(), accountsTable(), Clock.systemUTC());
        }
    }

    /** A change of who sees what, followed by a request for a site build. */
    abstract static class AccessChange extends LinkCommand {
        @Option(names = "--rebuild-queue-url", description = "Default: the stack's RebuildQueue.")
        String rebuildQueueUrl;

        private String rebuildQueue;

        /** Found before anything changes, so that no change is left without its site build for want of the queue. */
        String rebuildQueue() {
            if (rebuildQueue == null) {
                rebuildQueue = resources().name(StackResources.REBUILD_QUEUE, rebuildQueueUrl);
            }
            return rebuildQueue;
        }

        /** Sends the notice the {@code rebuild} command sends, as a change to the catalog does. */
        void askForSiteBuild() {
            String queue = rebuildQueue();
            services().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(Routing.CATALOG_CHANGED));
        }
    }

    @Command(name = "group", description = "Put viewers into a group, or take them out: group add|remove GROUP VIEWER...")
    static final class Group extends AccessChange {
        @Parameters(index = "0", paramLabel = "add|remove")
        String action;

        @Parameters(index = "1", paramLabel = "GROUP")
        String group;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "VIEWER")
        List<String> viewers;

        @Override
        public Integer call() {
            boolean add = switch (action.toLowerCase(Locale.ROOT)) {
                case "add" -> true;
                case "remove" -> false;
                default -> throw new IllegalArgumentException("Say add or remove, not \"" + action + "\": group add|remove GROUP VIEWER...");
            };
            GroupName name = GroupName.of(group);
            var accounts = accounts();
            // Every viewer is looked up before anything changes: nothing half done.
            Map<ViewerName, Optional<ViewerAccount>> found = new LinkedHashMap<>();
            for (String viewer : viewers) {
                ViewerName parsed = ViewerName.of(viewer);
                found.computeIfAbsent(parsed, accounts::find);
            }
            List<String> unknown = found.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                    .map(entry -> "\"" + entry.getKey() + "\"").toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException((unknown.size() == 1 ? "There is no viewer named " : "There are no viewers named ")
                        + String.join(", ", unknown) + ": nothing was changed (see: list).");
            }
            List<String> changed = new ArrayList<>();
            for (ViewerAccount viewer : found.values().stream().map(Optional::orElseThrow).toList()) {
                if (viewer.groups().contains(name) == add) {
                    out().println(viewer.name() + (add ? " was already in " : " was not in ") + name + ".");
                } else {
                    changed.add(viewer.name().value());
                }
            }
            if (changed.isEmpty()) {
                out().println("Nothing to change.");
                return 0;
            }
            rebuildQueue();
            for (String viewer : changed) {
                if (add) {
                    accounts.addToGroup(name, ViewerName.of(viewer));
                } else {
                    accounts.removeFromGroup(name, ViewerName.of(viewer));
                }
            }
            askForSiteBuild();
            out().println((add ? "Added to " : "Taken out of ") + name + ": " + String.join(", ", changed) + ".");
            out().println(REBUILT);
            out().println("Viewers see the change at their next sign-in, or within the hour if they are signed in now.");
            return 0;
        }
    }

    @Command(name = "groups", description = "List the groups with their members, and the viewers in no group.")
    static final class Groups extends AdminCli.TableCommand {
        @Override
        public Integer call() {
            Map<GroupName, SortedSet<String>> members = new TreeMap<>();
            List<String> alone = new ArrayList<>();
            for (ViewerAccount viewer : accounts().list()) {
                viewer.groups().forEach(group -> members.computeIfAbsent(group, g -> new TreeSet<>()).add(viewer.name().value()));
                if (viewer.groups().isEmpty()) {
                    alone.add(viewer.name().value());
                }
            }
            members.forEach((group, names) -> out().printf("%-32s %s%n", group, String.join(", ", names)));
            if (!alone.isEmpty()) {
                out().printf("%-32s %s%n", "(in no group)", String.join(", ", alone));
            }
            out().println(PipelineCommand.count(members.size(), "group"));
            return 0;
        }
    }

    @Command(name = "share", description = "Make a guest link to an album (and its sub-albums that do not set their own viewers).")
    static final class Share extends AccessChange {
        @Parameters(paramLabel = "ALBUM", description = "The album's folder under albums/, e.g. \"2026 summer\" or \"2026 summer/beach\".")
        String album;

        @Option(names = "--days", required = true, description = "How long the link works: 1 to 365 days.")
        int days;

        @Option(names = "--allow-download", description = "Let the guest save each photo's largest rendition (never the original).")
        boolean allowDownload;

        @Option(names = "--site-url", description = "The gallery's address (default: the stack's SiteUrl output; on the"
                + " preview, its address).")
        String siteUrl;

        @Option(names = "--source-bucket", description = "The originals' bucket (default: the stack's SourceBucket).")
        String sourceBucket;

        @Option(names = "--catalog-table", description = "The catalog table (default: the stack's CatalogTable).")
        String catalogTable;

        @Override
        public Integer call() {
            if (days < 1 || days > ShareLinks.LONGEST.toDays()) {
                throw new IllegalArgumentException("A guest link lasts from 1 to " + ShareLinks.LONGEST.toDays() + " days, not "
                        + days + ".");
            }
            String path = album.strip();
            if (path.startsWith(MediaKey.ALBUMS_PREFIX)) {
                path = path.substring(MediaKey.ALBUMS_PREFIX.length());
            }
            path = path.replaceAll("/+$", "");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("Name the album: its folder under albums/, e.g. \"2026 summer\" or"
                        + " \"2026 summer/beach\".");
            }
            requireAlbum(path);
            String site = site();
            rebuildQueue();
            ShareLinks.NewShare link = links().create(path, Duration.ofDays(days), allowDownload);
            // Shown before the build is asked for: should that fail, the link is not lost ("rebuild" asks again).
            out().println(site + "/login/share/" + link.token());
            out().printf("Guest link %s to \"%s\", until %s, downloads %s. The link is shown only now: keep it, or make"
                    + " another.%n", link.share().id(), link.share().album(), WHEN.format(link.share().expires()),
                    allowDownload ? "allowed" : "not allowed");
            out().flush();
            askForSiteBuild();
            out().println("It opens once the site has been rebuilt, " + QUIET + ".");
            return 0;
        }

        /** An album has photos in the catalog, or at least an object under its folder (sub-albums' too). */
        private void requireAlbum(String path) {
            String catalog = resources().name(StackResources.CATALOG_TABLE, catalogTable);
            if (!new PhotoCatalog(services().dynamoDb(), catalog).album(path).isEmpty()) {
                return;
            }
            String bucket = resources().name(StackResources.SOURCE_BUCKET, sourceBucket);
            String folder = MediaKey.ALBUMS_PREFIX + path + "/";
            if (services().s3().listObjectsV2(r -> r.bucket(bucket).prefix(folder).maxKeys(1)).keyCount() > 0) {
                return;
            }
            List<String> closest = closestAlbums(bucket, path);
            throw new IllegalArgumentException("There is no album \"" + path + "\": no photo of it in the catalog and nothing under "
                    + folder + " in " + bucket + (closest.isEmpty() ? ". Name the album's folder, e.g. \"2026 summer/beach\"."
                    : ". Did you mean " + closest.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", ")) + "?"));
        }

        /**
         * At most three albums whose path is close to the one typed: the folders beside it, else beside
         * its nearest parent that has any (one bucket listing a level).
         */
        private List<String> closestAlbums(String bucket, String path) {
            String parent = path;
            List<String> folders = List.of();
            while (folders.isEmpty() && !parent.isEmpty()) {
                parent = parent.contains("/") ? parent.substring(0, parent.lastIndexOf('/')) : "";
                String prefix = MediaKey.ALBUMS_PREFIX + (parent.isEmpty() ? "" : parent + "/");
                folders = services().s3().listObjectsV2(r -> r.bucket(bucket).prefix(prefix).delimiter("/")).commonPrefixes()
                        .stream().map(CommonPrefix::prefix).filter(folder -> folder.startsWith(prefix) && folder.length() > prefix.length())
                        .map(folder -> folder.substring(MediaKey.ALBUMS_PREFIX.length(), folder.length() - 1)).toList();
            }
            if (folders.isEmpty()) {
                return List.of();
            }
            // Compared with as many of the typed path's segments as the folders have, ignoring case; close
            // when a third of the last of those segments at most is off.
            int depth = folders.get(0).split("/").length;
            List<String> segments = List.of(path.toLowerCase(Locale.ROOT).split("/"));
            List<String> compared = segments.subList(0, Math.min(depth, segments.size()));
            String typed = String.join("/", compared);
            int near = Math.max(2, compared.get(compared.size() - 1).length() / 3);
            return folders.stream().filter(folder -> distance(folder.toLowerCase(Locale.ROOT), typed) <= near)
                    .sorted(Comparator.comparingInt((String folder) -> distance(folder.toLowerCase(Locale.ROOT), typed))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(3).toList();
        }

        /** The gallery's address, without a trailing slash: given, else the stack's output (the preview's address). */
        private String site() {
            String given = resources().name(StackResources.SITE_URL, siteUrl).strip();
            String site = given.replaceAll("/+$", "");
            try {
                URI uri = new URI(site);
                if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                        && uri.getQuery() == null && uri.getFragment() == null) {
                    return site;
                }
            } catch (URISyntaxException e) {
                // Said below.
            }
            throw new IllegalArgumentException("Not a site address: \"" + given + "\". Give it as https://HOST, e.g."
                    + " --site-url https://photos.example.org.");
        }
    }

    @Command(name = "unshare", description = "Revoke a guest link by its id (see: shares).")
    static final class Unshare extends AccessChange {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            String link = id.strip().toLowerCase(Locale.ROOT);
            ShareLinks links = links();
            ShareLinks.Share share = links.find(link).orElseThrow(() -> new AccountException.UnknownShare(link));
            rebuildQueue();
            links.revoke(link);
            askForSiteBuild();
            out().println("Revoked guest link " + link + " to \"" + share.album() + "\": it opens nothing from now on, and a guest"
                    + " already inside keeps access for at most an hour.");
            out().println(REBUILT + " The build deletes the link's pages.");
            return 0;
        }
    }

    @Command(name = "shares", description = "List the guest links: album, expiry, downloads and last use.")
    static final class Shares extends LinkCommand {
        @Override
        public Integer call() {
            Instant now = Instant.now();
            List<ShareLinks.Share> shares = links().list();
            for (ShareLinks.Share share : shares) {
                out().printf("%s  %-32s %s %s  downloads %-3s  last used %s%s%n", share.id(), "\"" + share.album() + "\"",
                        share.expiredAt(now) ? "expired" : "expires", WHEN.format(share.expires()),
                        share.allowDownload() ? "yes" : "no", share.lastUsed().map(WHEN::format).orElse("never"),
                        share.published().map(published -> published ? ""
                                : "  not published: the last site build could not publish its album").orElse("  waiting for a site build"));
            }
            out().println(PipelineCommand.count(shares.size(), "guest link"));
            return 0;
        }
    }

    /** Levenshtein distance: the fewest one-character insertions, deletions and replacements from one to the other. */
    static int distance(String one, String other) {
        int[] previous = new int[other.length() + 1];
        int[] current = new int[other.length() + 1];
        for (int j = 0; j <= other.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= one.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= other.length(); j++) {
                int replace = previous[j - 1] + (one.charAt(i - 1) == other.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[other.length()];
    }
}
