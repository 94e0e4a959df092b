package family.gallery.site.build;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import family.gallery.site.model.BuildIssue;

/**
 * What one build did.
 *
 * @param target       the change sequence the build reflects
 * @param error        why the build failed, or null when it published
 * @param invalidation the CloudFront invalidation's id, or null when none was needed
 */
public record BuildReport(Instant startedAt, Duration duration, long target, int photos, int albums,
        List<String> written, List<String> deleted, int unchanged, List<BuildIssue> issues, String invalidation,
        String error) {

    public boolean succeeded() {
        return error == null;
    }
}
