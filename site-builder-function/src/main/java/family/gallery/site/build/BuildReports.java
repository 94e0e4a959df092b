package family.gallery.site.build;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import family.gallery.site.debounce.BuildState;
import family.gallery.site.model.BuildIssue;

/**
 * Build reports in the catalog table: {@code pk = BUILD, sk = REPORT#<start time>}, newest last in
 * sort order, expiring after {@link #KEPT_FOR} through the table's TTL.
 */
public final class BuildReports {

    static final String PREFIX = "REPORT#";
    static final Duration KEPT_FOR = Duration.ofDays(90);
    /** Keeps an item well under DynamoDB's 400 KB limit whatever the site's size. */
    static final int MAX_LISTED = 200;

    private final DynamoDbClient dynamo;
    private final String table;

    public BuildReports(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void save(BuildReport report) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(BuildState.PARTITION));
        item.put("sk", s(PREFIX + report.startedAt()));
        item.put("startedAt", s(report.startedAt().toString()));
        item.put("durationMillis", n(report.duration().toMillis()));
        item.put("changeSequence", n(report.target()));
        item.put("outcome", s(report.succeeded() ? "PUBLISHED" : "FAILED"));
        item.put("photos", n(report.photos()));
        item.put("albums", n(report.albums()));
        item.put("pagesWritten", n(report.written().size()));
        item.put("pagesDeleted", n(report.deleted().size()));
        item.put("pagesUnchanged", n(report.unchanged()));
        item.put("written", list(report.written().stream().map(BuildReports::s).toList()));
        item.put("deleted", list(report.deleted().stream().map(BuildReports::s).toList()));
        item.put("issueCount", n(report.issues().size()));
        item.put("issues", list(report.issues().stream().map(issue -> AttributeValue.fromM(Map.of(
                "kind", s(issue.kind().name()), "subject", s(issue.subject()), "message", s(issue.message())))).toList()));
        if (report.invalidation() != null) {
            item.put("invalidation", s(report.invalidation()));
        }
        if (report.error() != null) {
            item.put("error", s(report.error()));
        }
        item.put("expiresAt", n(report.startedAt().plus(KEPT_FOR).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /**
     * What a status check shows of one build: its counts rather than its page lists.
     *
     * @param issues the build report's issues: FAILED photos, album.yml problems, empty or hidden albums
     * @param error  why the build failed; empty when it published
     */
    public record Summary(Instant startedAt, Duration duration, int photos, int albums, int pagesWritten,
            int pagesDeleted, int pagesUnchanged, int issues, Optional<String> error) {
    }

    /** The newest report. */
    public Optional<Summary> latest() {
        return dynamo.query(r -> r.tableName(table).consistentRead(true).scanIndexForward(false).limit(1)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :report)")
                .expressionAttributeValues(Map.of(":pk", s(BuildState.PARTITION), ":report", s(PREFIX))))
                .items().stream().findFirst().map(BuildReports::summary);
    }

    /** Every report's item, oldest first. */
    public List<Map<String, AttributeValue>> all() {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :report)")
                .expressionAttributeValues(Map.of(":pk", s(BuildState.PARTITION), ":report", s(PREFIX))))
                .items().stream().toList();
    }

    private static Summary summary(Map<String, AttributeValue> item) {
        return new Summary(Instant.parse(item.get("startedAt").s()), Duration.ofMillis(number(item, "durationMillis")),
                (int) number(item, "photos"), (int) number(item, "albums"), (int) number(item, "pagesWritten"),
                (int) number(item, "pagesDeleted"), (int) number(item, "pagesUnchanged"), (int) number(item, "issueCount"),
                Optional.ofNullable(item.get("error")).map(AttributeValue::s));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    private static AttributeValue list(List<AttributeValue> values) {
        return AttributeValue.fromL(values.size() > MAX_LISTED ? values.subList(0, MAX_LISTED) : values);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
