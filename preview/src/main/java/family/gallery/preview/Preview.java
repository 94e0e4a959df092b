package family.gallery.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import family.gallery.accounts.ViewerAccounts;
import family.gallery.localaws.LocalAws;
import family.gallery.localaws.LocalAwsConfig;
import family.gallery.localaws.LocalAwsException;
import family.gallery.localaws.edge.LocalEdge;
import family.gallery.localaws.edge.LocalParameterStore;
import family.gallery.locallambda.InvocationResult;
import family.gallery.template.StackIdentity;

/**
 * The whole gallery on this machine: the local AWS stack running the built functions, the edge
 * that serves the site behind its login, one viewer, and the albums to show. Everything lives in
 * the data directory, so a restart finds the uploads, the site and the viewer's password as they were
 * (browsers sign in again: the local signing key is new at each start).
 */
public final class Preview implements AutoCloseable {

    /** The functions the gallery cannot work without (the signing key's is replaced by the local edge). */
    private static final List<String> REQUIRED_FUNCTIONS = List.of("ResizeFunction", "SiteBuilderFunction", "LoginFunction");

    private final Path dataDirectory;
    private final LocalParameterStore parameters;
    private final LocalAws stack;
    private final LocalEdge edge;
    private final PreviewViewer viewer;
    private final int resumed;
    private final List<String> uploads;

    private Preview(Path dataDirectory, LocalParameterStore parameters, LocalAws stack, LocalEdge edge,
            PreviewViewer viewer, int resumed, List<String> uploads) {
        this.dataDirectory = dataDirectory;
        this.parameters = parameters;
        this.stack = stack;
        this.edge = edge;
        this.viewer = viewer;
        this.resumed = resumed;
        this.uploads = uploads;
    }

    /**
     * Starts everything and uploads the folders asked for (or, into an empty gallery, the sample
     * albums); the photos are then processed in the background, as on AWS.
     */
    public static Preview start(PreviewOptions options) {
        options.folders().stream().filter(folder -> !Files.isDirectory(folder)).findFirst().ifPresent(folder -> {
            throw new IllegalArgumentException(folder + " is not a folder");
        });
        createDirectories(options.dataDirectory());
        LocalAwsConfig config = LocalAwsConfig.forTests().withDataDirectory(options.dataDirectory())
                .withPorts(options.s3Port(), 0, 0, 0).withFunctions(true).withFunctionOutputEchoed(false)
                // Originals allowed, so the sample garden album (album.yml: originals: true) shows them.
                .withParameterOverrides(Map.of("QuietPeriodSeconds", Integer.toString(options.quietPeriodSeconds()),
                        "DownloadOriginals", "true"));
        // The login function reads its signing key from the parameter store: its endpoint is part
        // of every function's environment, so the store starts first.
        LocalParameterStore parameters = LocalParameterStore.start(0, config.region(),
                StackIdentity.local(config.stackName(), config.region()).accountId());
        LocalAws stack = null;
        LocalEdge edge = null;
        try {
            stack = LocalAws.start(config.withExtraFunctionEnvironment(parameters.functionEnvironment()));
            requireBuiltFunctions(stack);
            edge = startEdge(stack, parameters, options.sitePort());
            PreviewViewer viewer = PreviewViewer.ensure(options.dataDirectory(),
                    new ViewerAccounts(stack.dynamoDb(), stack.tableName("AccountsTable"), Clock.systemUTC()));
            int resumed = InterruptedWork.resume(stack);
            PreviewConnection.write(options.dataDirectory(), stack, edge.gateway().endpoint());
            return new Preview(options.dataDirectory(), parameters, stack, edge, viewer, resumed, upload(stack, options));
        } catch (RuntimeException e) {
            PreviewConnection.remove(options.dataDirectory());
            closeAll(edge, stack, parameters);
            throw e;
        }
    }

    private static void requireBuiltFunctions(LocalAws stack) {
        REQUIRED_FUNCTIONS.stream().filter(function -> !stack.runs(function)).findFirst().ifPresent(function -> {
            throw new LocalAwsException(function + " is not built: ./gallery preview builds what is missing"
                    + " (or ./mvnw package -DskipTests)");
        });
    }

    /** The site's address: the edge gateway, with the login function behind /login as CloudFront has it. */
    private static LocalEdge startEdge(LocalAws stack, LocalParameterStore parameters, int port) {
        try {
            return LocalEdge.start(stack, parameters, port)
                    .connect("LoginFunction", event -> payload(stack.invoke("LoginFunction", event)));
        } catch (LocalAwsException e) {
            throw new LocalAwsException(e.getMessage() + " (choose another with --port=N, or 0 for any free port)", e);
        }
    }

    private static List<String> upload(LocalAws stack, PreviewOptions options) {
        AlbumUploader uploader = new AlbumUploader(stack.s3(), stack.bucketName("SourceBucket"));
        List<Path> folders = new ArrayList<>(options.folders());
        if (folders.isEmpty() && !uploader.bucketHasAlbums()) {
            Path samples = options.dataDirectory().resolve("sample-albums");
            SampleAlbums.write(samples);
            folders.addAll(SampleAlbums.albums(samples));
        }
        List<String> uploaded = new ArrayList<>();
        for (Path folder : folders) {
            int files = uploader.upload(folder);
            uploaded.add(folder.toAbsolutePath().normalize().getFileName() + ": " + files + " new files");
        }
        return uploaded;
    }

    private static String payload(InvocationResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("the login function failed: " + result.error().errorType() + ": "
                    + result.error().errorMessage());
        }
        return result.payload();
    }

    /** The gallery's address, as CloudFront's would be. */
    public URI siteUrl() {
        return edge.gateway().endpoint();
    }

    public PreviewViewer viewer() {
        return viewer;
    }

    /** How many photos left unprocessed by the last run this start sent through the pipeline again. */
    public int resumed() {
        return resumed;
    }

    /** What the start uploaded, one line per folder. */
    public List<String> uploads() {
        return uploads;
    }

    /** Where the preview keeps everything; {@code ./gallery admin --data-dir} finds it by this. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public LocalAws stack() {
        return stack;
    }

    public PipelineProgress progress() {
        return PipelineProgress.read(stack);
    }

    /** The command that adds a folder as an album, with Debian's AWS CLI or a newer one. */
    public String syncCommand(String folder) {
        return "AWS_ACCESS_KEY_ID=" + stack.credentials().accessKeyId() + " AWS_SECRET_ACCESS_KEY=" + stack.credentials().secretAccessKey()
                + " AWS_DEFAULT_REGION=" + stack.region() + " aws s3 sync " + folder + " \"s3://"
                + stack.bucketName("SourceBucket") + "/albums/<album name>/\" --endpoint-url " + stack.s3Endpoint();
    }

    @Override
    public void close() {
        PreviewConnection.remove(dataDirectory);
        closeAll(edge, stack, parameters);
    }

    private static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("stopping " + resource + " failed: " + e);
                }
            }
        }
    }

    /** The data folder, readable by its owner only: it holds the viewer's password and the signing key. */
    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }
}
