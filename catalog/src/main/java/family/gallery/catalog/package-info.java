/**
 * The photo catalog: one item per original in the catalog table ({@code CATALOG_TABLE}), written
 * only by the resize function and read by the site builder and admin tools through
 * {@link family.gallery.catalog.PhotoCatalog}. The same table holds the site's build state under
 * {@code pk = BUILD}, which this package never touches.
 *
 * <h2>Photo items</h2>
 * <table>
 * <caption>attributes</caption>
 * <tr><th>attribute</th><th>type</th><th>meaning</th></tr>
 * <tr><td>pk</td><td>S</td><td>{@code ALBUM#<album path>}, e.g. {@code ALBUM#2026 summer/beach}</td></tr>
 * <tr><td>sk</td><td>S</td><td>{@code PHOTO#<file name>}, e.g. {@code PHOTO#IMG_0001.jpg}; videos too ({@code PHOTO#IMG_0002.MOV})</td></tr>
 * <tr><td>album, fileName</td><td>S</td><td>the same, without prefixes</td></tr>
 * <tr><td>sourceKey</td><td>S</td><td>the original's key in the source bucket, {@code albums/<album>/<file>}</td></tr>
 * <tr><td>status</td><td>S</td><td>{@code READY}, {@code FAILED} or {@code DELETED} (a tombstone)</td></tr>
 * <tr><td>sequencer</td><td>S</td><td>S3's event sequencer of the change the item records, upper case and
 * right-padded with zeros to 64 characters so that DynamoDB's string order is S3's order; every
 * write is conditional on it growing</td></tr>
 * <tr><td>eTag</td><td>S</td><td>the original's ETag, without quotes (READY, FAILED)</td></tr>
 * <tr><td>width, height</td><td>N</td><td>pixels as displayed, after EXIF orientation (READY)</td></tr>
 * <tr><td>takenAt</td><td>S</td><td>ISO-8601; for videos the container's creation time (local with offset when the camera wrote it so,
 * else UTC); for photos EXIF DateTimeOriginal with OffsetTimeOriginal when the camera
 * recorded one ({@code 2026-07-14T09:21:07+02:00}), without offset when it did not
 * ({@code 2026-07-14T09:21:07}), else the upload time in UTC (READY)</td></tr>
 * <tr><td>takenAtFromCamera</td><td>BOOL</td><td>false when takenAt is the upload time</td></tr>
 * <tr><td>camera, lens</td><td>S</td><td>e.g. {@code Canon EOS R6}, {@code RF24-105mm F4 L IS USM}; absent when
 * the photo does not say</td></tr>
 * <tr><td>focalLength, aperture</td><td>N</td><td>millimetres and f-number, e.g. {@code 6.86}, {@code 1.78}; absent when
 * the photo does not say</td></tr>
 * <tr><td>exposureTime</td><td>S</td><td>seconds as the camera wrote them, {@code 1/120} or {@code 2.5}</td></tr>
 * <tr><td>iso</td><td>N</td><td>ISO speed</td></tr>
 * <tr><td>embeddedCaption</td><td>S</td><td>the photo's own IPTC/XMP caption or, without one, its title</td></tr>
 * <tr><td>renditions</td><td>L of M</td><td>{@code key} (S, in the resized bucket), {@code width}, {@code height},
 * {@code bytes} (N), smallest first (READY)</td></tr>
 * <tr><td>video</td><td>M</td><td>a video's web version (H.264/AAC MP4): {@code key}, {@code width},
 * {@code height}, {@code bytes}; the renditions are then its poster frame (READY videos)</td></tr>
 * <tr><td>durationMs</td><td>N</td><td>a video's running time in milliseconds (READY videos)</td></tr>
 * <tr><td>reason</td><td>S</td><td>why the original can never be rendered, for people (FAILED)</td></tr>
 * <tr><td>updatedAt</td><td>S</td><td>ISO-8601 instant of the write</td></tr>
 * <tr><td>expiresAt</td><td>N</td><td>epoch seconds; tombstones only, the table's TTL attribute; a tombstone
 * lives {@link family.gallery.catalog.PhotoEntry#TOMBSTONE_LIFETIME}, longer than any event can wait in the
 * queues</td></tr>
 * </table>
 *
 * <p>Readers that list photos must leave out tombstones; {@code album} and {@code photos} do.
 *
 * <h2>Album registry items</h2>
 * <p>{@code pk = ALBUMS}, {@code sk = ALBUM#<album path>}: one per album that has had a live photo,
 * written before that photo; and {@code sk = COMPLETE} once every album is registered (written by the
 * first full read of a catalog from before the registry). Readers of every photo query each registered
 * album instead of scanning the table.
 */
package family.gallery.catalog;
