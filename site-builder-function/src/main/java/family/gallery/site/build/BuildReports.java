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
    private static final String PUBLISHED = "PUBLISHED";
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
        item.put("outcome", s(report.succeeded() ? PUBLISHED : "FAILED"));
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

    /** The newest report's item, for status checks and tests. */
    public Optional<Map<String, AttributeValue>> latest() {
        return dynamo.query(r -> r.tableName(table).consistentRead(true).scanIndexForward(false).limit(1)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :report)")
                .expressionAttributeValues(Map.of(":pk", s(BuildState.PARTITION), ":report", s(PREFIX))))
                .items().stream().findFirst();
    }

    /** When the newest build ended and whether it published the site. */
    public record Outcome(Instant finishedAt, boolean published) {
    }

    public Optional<Outcome> latestOutcome() {
        return latest().map(item -> new Outcome(
                Instant.parse(item.get("startedAt").s()).plusMillis(Long.parseLong(item.get("durationMillis").n())),
                PUBLISHED.equals(item.get("outcome").s())));
    }

    /** Every report's item, oldest first. */
    public List<Map<String, AttributeValue>> all() {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :report)")
                .expressionAttributeValues(Map.of(":pk", s(BuildState.PARTITION), ":report", s(PREFIX))))
                .items().stream().toList();
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
