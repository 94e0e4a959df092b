package family.gallery.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the preview is asked to do.
 *
 * @param dataDirectory where uploads, tables, the viewer's password and the functions' files are kept
 *                      across restarts
 * @param sitePort      the port of the gallery's URL (0: any free port)
 * @param s3Port        the port of the local S3, named in the printed {@code aws s3 sync} command
 * @param quietPeriodSeconds how long uploads must pause before the site is rebuilt
 * @param folders       folders to upload as albums; with none, an empty gallery gets the sample albums
 */
public record PreviewOptions(Path dataDirectory, int sitePort, int s3Port, int quietPeriodSeconds, List<Path> folders) {

    public static final int DEFAULT_SITE_PORT = 8080;
    public static final int DEFAULT_S3_PORT = 9000;
    /** The template's smallest quiet period: a preview shows its uploads soon. */
    public static final int DEFAULT_QUIET_PERIOD_SECONDS = 5;

    static final String USAGE = """
            usage: gallery preview [FOLDER...] [--port=8080] [--s3-port=9000] [--quiet-period=5] [--data-dir=PATH]

              FOLDER           upload this folder as an album (sub-folders become nested albums);
                               without one, an empty gallery gets the sample albums
              --port           port of the gallery's URL
              --s3-port        port of the local S3 that 'aws s3 sync --endpoint-url' talks to
              --quiet-period   seconds uploads must pause before the site is rebuilt (5 to 900)
              --data-dir       where the preview keeps everything (default ~/.local/share/family-gallery/preview)
            """;

    public PreviewOptions {
        folders = List.copyOf(folders);
    }

    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".local", "share", "family-gallery", "preview");
    }

    /** Reads the command line; an {@link IllegalArgumentException} says what is wrong with it. */
    public static PreviewOptions parse(String... args) {
        Path data = defaultDataDirectory();
        int sitePort = DEFAULT_SITE_PORT;
        int s3Port = DEFAULT_S3_PORT;
        int quiet = DEFAULT_QUIET_PERIOD_SECONDS;
        List<Path> folders = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                folders.add(Path.of(arg));
                continue;
            }
            String[] option = arg.substring(2).split("=", 2);
            if (option.length != 2 || option[1].isEmpty()) {
                throw new IllegalArgumentException("--" + option[0] + " needs a value, e.g. --" + option[0] + "=...");
            }
            switch (option[0].toLowerCase(Locale.ROOT)) {
                case "port" -> sitePort = number(option, 0, 65535);
                case "s3-port" -> s3Port = number(option, 0, 65535);
                case "quiet-period" -> quiet = number(option, 5, 900);
                case "data-dir" -> data = Path.of(option[1]);
                default -> throw new IllegalArgumentException("unknown option --" + option[0]);
            }
        }
        return new PreviewOptions(data, sitePort, s3Port, quiet, folders);
    }

    private static int number(String[] option, int min, int max) {
        try {
            int value = Integer.parseInt(option[1]);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option[0] + " takes a number from " + min + " to " + max + ", got " + option[1]);
    }
}
