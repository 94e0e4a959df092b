package family.gallery.login.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import family.gallery.accounts.LocalAccountsTable;
import family.gallery.accounts.PasswordHasher;
import family.gallery.accounts.ViewerAccounts;
import family.gallery.accounts.ViewerName;
import family.gallery.login.CredentialCheck;
import family.gallery.login.KnownDevices;
import family.gallery.login.LoginForm;
import family.gallery.login.LoginService;
import family.gallery.login.LoginThrottle;
import family.gallery.login.Sessions;
import family.gallery.login.SignedCookies;
import family.gallery.login.SigningKeySource;

/**
 * Login latency and throughput of one warm function (one request at a time, as Lambda runs it), in
 * process against DynamoDB Local, with the real bcrypt cost; the time to turn away a locked-out
 * attempt; and, as the peers that justify the cost, one bcrypt verification at costs 10 to 12.
 * Run with login-function/bench/login-benchmark.sh.
 */
public final class LoginBenchmark {

    private static final int WARM_UP = 10;
    private static final int RUNS = Integer.getInteger("runs", 100);

    public static void main(String[] args) throws Exception {
        var keys = java.security.KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        SigningKeySource key = new SigningKeySource() {
            public java.security.PrivateKey privateKey() {
                return pair.getPrivate();
            }

            public String keyPairId() {
                return "KBENCHMARK";
            }
        };
        PasswordHasher hasher = new PasswordHasher();
        try (LocalAccountsTable table = new LocalAccountsTable()) {
            Clock clock = Clock.systemUTC();
            ViewerAccounts accounts = new ViewerAccounts(table.client(), table.name(), clock);
            accounts.add(ViewerName.of("ann"), hasher.hash("correct horse battery".toCharArray()));
            LoginService logins = new LoginService(new LoginThrottle(table.client(), table.name(), LoginThrottle.Limits.standard(), clock),
                    new CredentialCheck(accounts, hasher), new SignedCookies(key, clock),
                    new KnownDevices(key, clock), new Sessions(key, clock), Duration.ofDays(7), clock, line -> { });

            System.out.printf("bcrypt cost %d, %d runs each, %d cores, Java %s%n%n", hasher.cost(), RUNS,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            long[] signIn = time(() -> logins.login(form("ann", "correct horse battery"), "198.51.100.7", "gallery.example.org", List.of()));
            report("right password (signed in)", signIn);
            System.out.printf("%-34s %8.1f logins/s%n", "  throughput, one function", RUNS / (Arrays.stream(signIn).sum() / 1e9));
            // Wrong passwords spread over accounts and addresses, four each, so that no lock interferes.
            int viewers = (WARM_UP + RUNS) / 4 + 1;
            String sameCost = hasher.hash("another good password".toCharArray());
            for (int i = 0; i < viewers; i++) {
                accounts.add(ViewerName.of("viewer" + i), sameCost);
            }
            int[] attempt = {0};
            report("wrong password", time(() -> logins.login(form("viewer" + attempt[0] % viewers, "wrong"),
                    "10.0.0." + attempt[0]++ % 250, "h", List.of())));
            int[] name = {0};
            report("unknown name", time(() -> logins.login(form("nobody" + name[0]++, "wrong"), "10.1.0." + name[0] % 250, "h", List.of())));

            for (int i = 0; i < 5; i++) {
                logins.login(form("locked", "guess " + i), "192.0.2." + i, "h", List.of());
            }
            long[] locked = time(() -> {
                if (!(logins.login(form("locked", "guess"), "192.0.2.99", "h", List.of()) instanceof LoginService.Locked)) {
                    throw new IllegalStateException("expected a locked account");
                }
                return null;
            });
            report("locked out (no password check)", locked);

            System.out.println();
            for (int cost = 10; cost <= 12; cost++) {
                PasswordHasher peer = new PasswordHasher(cost);
                String hash = peer.hash("correct horse battery".toCharArray());
                report("bcrypt verify alone, cost " + cost, time(() -> peer.verify("correct horse battery".toCharArray(), hash)));
            }
        }
        System.exit(0); // DynamoDB Local leaves a non-daemon thread behind
    }

    private static LoginForm form(String name, String password) {
        return new LoginForm(name, password.toCharArray(), "/");
    }

    private static long[] time(Supplier<?> action) {
        for (int i = 0; i < WARM_UP; i++) {
            action.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sortedNanos) {
        System.out.printf("%-34s p50 %8.2f ms   p99 %8.2f ms%n", what,
                sortedNanos[sortedNanos.length / 2] / 1e6, sortedNanos[(int) Math.ceil(sortedNanos.length * 0.99) - 1] / 1e6);
    }
}
