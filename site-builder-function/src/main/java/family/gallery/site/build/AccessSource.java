package family.gallery.site.build;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

import family.gallery.accounts.GroupName;
import family.gallery.accounts.ShareLinks;
import family.gallery.accounts.ViewerAccount;
import family.gallery.accounts.ViewerAccounts;

/** Who the site is built for: the group sets of the viewers, and the guest links. Read from the accounts table. */
public class AccessSource {

    /**
     * @param viewerGroups the groups of each viewer, repeated sets included
     * @param shares       guest links that have not expired
     */
    public record Access(List<SortedSet<GroupName>> viewerGroups, List<ShareLinks.Share> shares) {
    }

    private final ViewerAccounts viewers;
    private final ShareLinks shares;

    public AccessSource(ViewerAccounts viewers, ShareLinks shares) {
        this.viewers = viewers;
        this.shares = shares;
    }

    public Access read(Instant now) {
        return new Access(viewers.list().stream().map(ViewerAccount::groups).toList(),
                shares.list().stream().filter(share -> !share.expiredAt(now)).toList());
    }

    /** Notes on the link whether its album is on the site, so the login function can say so; only when it changed. */
    public void published(ShareLinks.Share share, boolean published) {
        if (!share.published().equals(java.util.Optional.of(published))) {
            shares.markPublished(share.id(), published);
        }
    }
}
