package family.gallery.accounts;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an album's ZIP holds, written by the site builder beside the album's media and read by the
 * zip function: the archive's file name and, for each file, where it is in the web bucket, its name
 * in the archive and when it was taken (the entry's date). Read as a JSON tree, so a native image
 * needs no reflection for it.
 *
 * @param fileName what the browser saves the archive as, e.g. {@code Summer 2026.zip}
 */
public record ZipManifest(String fileName, List<Entry> entries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param key     the object in the web bucket, under the same audience prefix as the ZIP
     * @param name    its name in the archive, unique in it
     * @param takenAt when it was taken, local time; null when unknown
     */
    public record Entry(String key, String name, LocalDateTime takenAt) {
    }

    /**
     * Entries under the names wanted, made unique ignoring case (as Windows and macOS see them):
     * a second {@code IMG_1.jpg} becomes {@code IMG_1 (2).jpg}.
     */
    public static ZipManifest of(String fileName, List<Entry> wanted) {
        Set<String> taken = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : wanted) {
            String name = entry.name();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = stem + " (" + n + ")" + extension;
            }
            entries.add(new Entry(entry.key(), name, entry.takenAt()));
        }
        return new ZipManifest(fileName, List.copyOf(entries));
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode().put("fileName", fileName);
        ArrayNode files = root.putArray("entries");
        for (Entry entry : entries) {
            ObjectNode file = files.addObject().put("key", entry.key()).put("name", entry.name());
            if (entry.takenAt() != null) {
                file.put("takenAt", entry.takenAt().toString());
            }
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    /** The manifest a JSON document describes; {@link IllegalArgumentException} naming what is wrong otherwise. */
    public static ZipManifest parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the ZIP manifest is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("fileName").isTextual() || !root.path("entries").isArray()) {
            throw new IllegalArgumentException("the ZIP manifest has no fileName or no entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode file : root.get("entries")) {
            if (!file.path("key").isTextual() || !file.path("name").isTextual()) {
                throw new IllegalArgumentException("a ZIP manifest entry has no key or no name: " + file);
            }
            LocalDateTime takenAt = null;
            if (file.path("takenAt").isTextual()) {
                try {
                    takenAt = LocalDateTime.parse(file.get("takenAt").asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("a ZIP manifest entry has an unreadable takenAt: " + file);
                }
            }
            entries.add(new Entry(file.get("key").asText(), file.get("name").asText(), takenAt));
        }
        return new ZipManifest(root.get("fileName").asText(), List.copyOf(entries));
    }

    /** Where this manifest is published under the audience prefix that serves the album's media: its digest names the folder. */
    public String folder(String audiencePrefix) {
        try {
            return AlbumZips.folder(audiencePrefix, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toJson())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
