package family.gallery.site.publish;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import family.gallery.site.render.SitePaths;

/** One CloudFront invalidation per build, for the pages that changed; none without a distribution. */
public final class CacheInvalidator {

    /** Beyond this many paths one wildcard is cheaper (CloudFront bills paths past the first thousand a month). */
    static final int MAX_PATHS = 500;

    private final CloudFrontClient cloudFront;
    private final String distributionId;

    /** @param distributionId blank when the site has no distribution (local runs) */
    public CacheInvalidator(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId == null ? "" : distributionId.strip();
    }

    /** @return the invalidation's id, or empty when there was nothing to do */
    public Optional<String> invalidate(Collection<String> changedKeys, String buildId) {
        List<String> paths = paths(changedKeys);
        if (distributionId.isEmpty() || paths.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cloudFront.createInvalidation(r -> r.distributionId(distributionId)
                .invalidationBatch(b -> b.callerReference(buildId)
                        .paths(p -> p.quantity(paths.size()).items(paths)))).invalidation().id());
    }

    /** URL paths as viewers request them: percent-encoded, and {@code /} for the home page too. */
    static List<String> paths(Collection<String> keys) {
        if (keys.size() > MAX_PATHS) {
            return List.of("/*");
        }
        List<String> paths = new ArrayList<>();
        for (String key : keys) {
            if (key.equals(SitePaths.HOME)) {
                paths.add("/");
            }
            paths.add("/" + SitePaths.encodePath(key));
        }
        return paths;
    }
}
