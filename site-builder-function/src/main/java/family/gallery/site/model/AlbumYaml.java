package family.gallery.site.model;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import family.gallery.accounts.GroupName;
import family.gallery.site.model.AlbumSettings.PhotoOrder;

/**
 * Reads {@code album.yml}. It is written by hand, so nothing in it may stop the album from being
 * published: a malformed file or field falls back to the defaults and is reported as a problem.
 *
 * <pre>
 * title: Summer 2026
 * date: 2026-07-14
 * description: A week by the sea.
 * cover: IMG_0042.jpg
 * captions:
 *   IMG_0042.jpg: Sunset from the pier
 * sort: taken-at          # or: name, or a list of file names
 * hidden: false
 * viewers: [family, friends]   # groups; or everyone; sub-albums inherit it
 * embedded-captions: false     # ignore captions written into the photos (cameras write boilerplate)
 * viewer-sort: false           # no date/name choice on the album page
 * originals: true              # offer the originals for download, where the stack allows it
 * </pre>
 *
 * An unreadable file, or a {@code viewers:} that cannot be understood, shows the album to nobody
 * rather than to everyone: the file may have been meant to keep it private.
 */
public final class AlbumYaml {

    /** Larger files are not read: an album.yml is a few lines. */
    static final int MAX_CODE_POINTS = 256 * 1024;
    private static final Set<String> FIELDS =
            Set.of("title", "date", "description", "cover", "captions", "sort", "hidden", "viewers",
                    "embedded-captions", "viewer-sort", "originals");

    public record Parsed(AlbumSettings settings, List<String> problems) {
    }

    private AlbumYaml() {
    }

    public static Parsed parse(String text) {
        List<String> problems = new ArrayList<>();
        Object document;
        try {
            document = yaml().load(text);
        } catch (YAMLException e) {
            problems.add("not valid YAML: " + firstLine(e.getMessage()) + "; the album is shown to nobody until it is fixed");
            return new Parsed(AlbumSettings.UNREADABLE, problems);
        }
        if (document == null) {
            return new Parsed(AlbumSettings.DEFAULTS, problems);
        }
        if (!(document instanceof Map<?, ?> fields)) {
            problems.add("expected a mapping of fields, found " + describe(document)
                    + "; the album is shown to nobody until it is fixed");
            return new Parsed(AlbumSettings.UNREADABLE, problems);
        }
        for (Object name : fields.keySet()) {
            if (!FIELDS.contains(String.valueOf(name))) {
                problems.add("unknown field '" + name + "' ignored");
            }
        }
        Object sort = fields.get("sort");
        AlbumSettings settings = new AlbumSettings(
                text(fields, "title", problems),
                date(fields.get("date"), problems),
                text(fields, "description", problems),
                text(fields, "cover", problems),
                captions(fields.get("captions"), problems),
                order(sort, problems),
                sort instanceof List<?> list ? fileNames(list, problems) : List.of(),
                bool(fields, "hidden", false, problems),
                viewers(fields.containsKey("viewers"), fields.get("viewers"), problems),
                bool(fields, "embedded-captions", true, problems),
                bool(fields, "viewer-sort", true, problems),
                bool(fields, "originals", false, problems));
        return new Parsed(settings, problems);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static String text(Map<?, ?> fields, String name, List<String> problems) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = String.valueOf(value).strip();
            return text.isEmpty() ? null : text;
        }
        problems.add("'" + name + "' should be text, found " + describe(value));
        return null;
    }

    private static LocalDate date(Object value, List<String> problems) {
        if (value == null) {
            return null;
        }
        // YAML itself turns an unquoted 2026-07-14 into a timestamp at midnight UTC.
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            problems.add("'date' should look like 2026-07-14, found '" + value + "'");
            return null;
        }
    }

    private static Map<String, String> captions(Object value, List<String> problems) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            problems.add("'captions' should map file names to captions, found " + describe(value));
            return Map.of();
        }
        Map<String, String> captions = new LinkedHashMap<>();
        entries.forEach((file, caption) -> {
            if (caption instanceof Map || caption instanceof List || caption == null) {
                problems.add("caption of '" + file + "' should be text");
            } else {
                captions.put(String.valueOf(file), String.valueOf(caption).strip());
            }
        });
        return captions;
    }

    private static PhotoOrder order(Object value, List<String> problems) {
        if (value == null) {
            return PhotoOrder.TAKEN_AT;
        }
        if (value instanceof List) {
            return PhotoOrder.EXPLICIT;
        }
        switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
            case "taken-at":
            case "date":
                return PhotoOrder.TAKEN_AT;
            case "name":
                return PhotoOrder.NAME;
            default:
                problems.add("'sort' should be taken-at, name or a list of file names, found '" + value + "'");
                return PhotoOrder.TAKEN_AT;
        }
    }

    private static List<String> fileNames(List<?> list, List<String> problems) {
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map || item instanceof List || item == null) {
                problems.add("'sort' list entries should be file names, found " + describe(item));
            } else {
                names.add(String.valueOf(item));
            }
        }
        return names;
    }

    private static boolean bool(Map<?, ?> fields, String name, boolean byDefault, List<String> problems) {
        Object value = fields.get(name);
        if (value == null) {
            return byDefault;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        problems.add("'" + name + "' should be true or false, found '" + value + "'; " + byDefault + " applies");
        return byDefault;
    }

    /** Group names, one or a list; {@code everyone} alone opens the album to every viewer. */
    private static Viewers viewers(boolean present, Object value, List<String> problems) {
        if (!present) {
            return null;
        }
        List<?> entries = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        if (value instanceof Map) {
            problems.add("'viewers' should be a group name or a list of group names, found a mapping;"
                    + " the album is shown to nobody until it is fixed");
            return Viewers.NOBODY;
        }
        if (entries.size() == 1 && GroupName.EVERYONE.equalsIgnoreCase(String.valueOf(entries.get(0)).strip())) {
            return Viewers.EVERYONE;
        }
        List<GroupName> groups = new ArrayList<>();
        for (Object entry : entries) {
            Optional<GroupName> group = entry instanceof String || entry instanceof Number
                    ? GroupName.parse(String.valueOf(entry)) : Optional.empty();
            if (group.isPresent()) {
                groups.add(group.get());
            } else {
                problems.add("'viewers' entry " + describe(entry) + " is not a group name (letters, digits, _ and -;"
                        + " 'everyone' only on its own) and is ignored");
            }
        }
        if (groups.isEmpty()) {
            problems.add("'viewers' names no group; the album is shown to nobody (leave 'viewers' out to show it to every viewer)");
        }
        return Viewers.groups(groups);
    }

    private static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
