package family.gallery.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import family.gallery.accounts.AccountException;
import family.gallery.accounts.GroupName;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccount;
import family.gallery.accounts.ViewerName;
import family.gallery.ingest.Routing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Who sees what: viewer groups and guest links. A change asks for a site build, which publishes the
 * pages and media of the new audiences and deletes those of audiences gone.
 */
final class AccessCommands {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AccessCommands() {
    }

    /** Base of the commands: the accounts table, and the rebuild queue to ask for a site build. */
    abstract static class AccessCommand extends AdminCli.TableCommand {
        @Option(names = "--rebuild-queue-url", description = "Default: the stack's RebuildQueue.")
        String rebuildQueueUrl;

        ShareLinks links() {
            return new ShareLinks(services().dynamoDb(), accountsTable(), Clock.systemUTC());
        }

        void askForSiteBuild(String what) {
            String queue = resources().name(StackResources.REBUILD_QUEUE, rebuildQueueUrl);
            services().sqs().sendMessage(r -> r.queueUrl(queue).messageBody(Routing.CATALOG_CHANGED));
            out().println(what + " The site is rebuilt once the pipeline has been quiet for the stack's QuietPeriodSeconds"
                    + " (about a minute).");
        }
    }

    @Command(name = "group", description = "Put viewers into a group, or take them out: group add|remove GROUP VIEWER...")
    static final class Group extends AccessCommand {
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
                default -> throw new IllegalArgumentException("Say add or remove, not \"" + action + "\": group add GROUP VIEWER...");
            };
            GroupName name = GroupName.of(group);
            var accounts = accounts();
            List<ViewerName> names = new ArrayList<>();
            for (String viewer : viewers) {
                ViewerName parsed = ViewerName.of(viewer);
                // Every name is checked before anything changes: nothing half done.
                accounts.find(parsed).orElseThrow(() -> new AccountException.UnknownViewer(parsed));
                names.add(parsed);
            }
            for (ViewerName viewer : names) {
                if (add) {
                    accounts.addToGroup(name, viewer);
                } else if (!accounts.removeFromGroup(name, viewer)) {
                    out().println(viewer + " was not in " + name + ".");
                }
            }
            askForSiteBuild((add ? "Added to " : "Taken out of ") + name + ": " + String.join(", ", viewers(names)) + ".");
            out().println("A viewer who is signed in sees the change when their browser next renews its cookies: within the hour.");
            return 0;
        }

        private static List<String> viewers(List<ViewerName> names) {
            return names.stream().map(ViewerName::value).toList();
        }
    }

    @Command(name = "groups", description = "List the groups with their members, and the viewers in no group.")
    static final class Groups extends AccessCommand {
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
    static final class Share extends AccessCommand {
        @Parameters(paramLabel = "ALBUM", description = "The album's folder under albums/, e.g. \"2026 summer\" or \"2026 summer/beach\".")
        String album;

        @Option(names = "--days", required = true, description = "How long the link works: 1 to 365 days.")
        int days;

        @Option(names = "--allow-download", description = "Let the guest save each photo's largest rendition (never the original).")
        boolean allowDownload;

        @Option(names = "--site-url", description = "The gallery's address (default: the stack's SiteUrl output).")
        String siteUrl;

        @Option(names = "--source-bucket", description = "The originals' bucket (default: the stack's SourceBucket).")
        String sourceBucket;

        @Override
        public Integer call() {
            String path = album.strip().replaceFirst("^albums/", "").replaceAll("/+$", "");
            String bucket = resources().name(StackResources.SOURCE_BUCKET, sourceBucket);
            if (services().s3().listObjectsV2(r -> r.bucket(bucket).prefix("albums/" + path + "/").maxKeys(1)).keyCount() == 0) {
                throw new IllegalArgumentException("There is no album \"" + path + "\": nothing is stored under albums/" + path
                        + "/ in " + bucket + ". Name the album's folder, e.g. \"2026 summer/beach\".");
            }
            String site = resources().name(StackResources.SITE_URL, siteUrl).replaceAll("/+$", "");
            ShareLinks.NewShare link = links().create(path, Duration.ofDays(days), allowDownload);
            out().println(site + "/login/share/" + link.token());
            out().printf("Guest link %s to \"%s\", until %s, downloads %s. The link is shown only now: keep it, or make another.%n",
                    link.share().id(), path, WHEN.format(link.share().expires()), allowDownload ? "allowed" : "not allowed");
            askForSiteBuild("It opens once the site has been rebuilt.");
            return 0;
        }
    }

    @Command(name = "unshare", description = "Revoke a guest link by its id (see: shares).")
    static final class Unshare extends AccessCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            links().revoke(id.strip());
            askForSiteBuild("Revoked guest link " + id.strip() + ": it opens nothing from now on, and a guest already inside"
                    + " loses access within the hour.");
            return 0;
        }
    }

    @Command(name = "shares", description = "List the guest links: album, expiry, downloads and last use.")
    static final class Shares extends AccessCommand {
        @Override
        public Integer call() {
            Instant now = Instant.now();
            List<ShareLinks.Share> shares = links().list();
            for (ShareLinks.Share share : shares) {
                out().printf("%s  %-40s %s  downloads %s  last used %s%s%n", share.id(), "\"" + share.album() + "\"",
                        (share.expiredAt(now) ? "expired " : "until ") + WHEN.format(share.expires()),
                        share.allowDownload() ? "yes" : "no", share.lastUsed().map(WHEN::format).orElse("never"),
                        share.published().equals(java.util.Optional.of(false)) ? "  NOT PUBLISHED: the album is not on the site" : "");
            }
            out().println(PipelineCommand.count(shares.size(), "guest link"));
            return 0;
        }
    }
}
