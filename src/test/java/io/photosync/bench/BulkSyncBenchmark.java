package io.photosync.bench;

import io.photosync.PhotoSyncApplication;
import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SharePointMetering;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import io.photosync.scan.RunProgress;
import io.photosync.scan.Scans;
import io.photosync.sync.DirectoryUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bulk sync of thousands of people (the group sync's run) while the simulated SharePoint meters
 * its resource units per app per minute and answers 429 beyond them, as SharePoint Online does:
 * how close PhotoSync's own pacing gets to the budget's ceiling, how many requests were throttled
 * anyway, and whether anyone was lost.
 */
final class BulkSyncBenchmark {

    private BulkSyncBenchmark() {
    }

    static String run(int people, int unitsPerMinute) throws Exception {
        return run(people, unitsPerMinute, 0, 0, null, true);
    }

    /**
     * The same against a SharePoint that charges {@code minUnits}–{@code maxUnits} a REST call (PhotoSync
     * assumes Graph's 1 and 2 until it learns otherwise) and asks for {@code retryAfter} past the budget.
     */
    static String runAdaptive(int people, int unitsPerMinute, int minUnits, int maxUnits, Duration retryAfter, boolean rateLimitHeaders) throws Exception {
        return "adaptive pacing" + (rateLimitHeaders ? "" : ", no RateLimit headers") + ": "
                + run(people, unitsPerMinute, minUnits, maxUnits, retryAfter, rateLimitHeaders);
    }

    private static String run(int people, int unitsPerMinute, int minUnits, int maxUnits, Duration retryAfter, boolean rateLimitHeaders) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PhotoSyncApplication.class).run("--server.port=0", "--management.server.port=0",
                "--photosync.sandbox.port=0", "--photosync.sandbox.connector-port=0", "--spring.datasource.url=" + Benchmarks.inMemoryDatabase("bulk"),
                "--photosync.sandbox.latency=20ms", "--photosync.sharepoint.budget-per-minute=" + unitsPerMinute, "--logging.level.io.photosync=WARN")) {
            SimulatedTenant tenant = context.getBean(SimulatedTenant.class);
            Personas.Persona adele = Personas.byId(Personas.ADELE);
            List<DirectoryUser> members = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                SimUser person = tenant.addUser(UUID.randomUUID().toString(), "bulk" + i + "@" + Personas.DOMAIN, "Bulk Person " + i, false);
                person.setPhoto(adele.photo(), adele.contentType(), adele.width(), adele.height());
                tenant.sharePoint().createProfile(person.userPrincipalName());
                members.add(new DirectoryUser(person.id(), person.userPrincipalName(), person.displayName(), false, null, null, null, null));
            }
            tenant.setSharePointBudget(unitsPerMinute);
            tenant.setSharePointCosts(minUnits, maxUnits, retryAfter);
            tenant.setSharePointRateLimitHeaders(rateLimitHeaders);
            tenant.resetCounts();
            Scans scans = context.getBean(Scans.class);
            String run = UUID.randomUUID().toString();

            long started = System.nanoTime();
            scans.startGroupSync(run, "bench-operator", "en", "Bench", members, List.of());
            RunProgress progress;
            long lastReport = started;
            while (!(progress = scans.progress(run)).finished()) {
                Thread.sleep(1_000);
                if (System.nanoTime() - lastReport > 60e9) {
                    lastReport = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  bulk: %d done, %d failed, %d to go after %.0f s%n", progress.done(), progress.failed(),
                            progress.remaining(), (lastReport - started) / 1e9);
                }
            }
            double minutes = (System.nanoTime() - started) / 60e9;
            SharePointMetering metering = tenant.sharePointMetering();
            Map<String, Long> requests = tenant.requestCounts();
            double unitsPerUser = (double) metering.unitsCharged() / progress.done();
            double ceiling = unitsPerMinute / unitsPerUser;
            double perMinute = progress.done() / minutes;
            long sharePointRequests = requests.getOrDefault("sharepoint", 0L);
            String costs = maxUnits <= 0 ? "a read 1 RU, a write 2 RU" : minUnits + "-" + maxUnits + " RU a call, Retry-After "
                    + (retryAfter == null ? "to the window's end" : retryAfter.toSeconds() + " s");
            return String.format(Locale.ROOT, "bulk sync: %d people, SharePoint budget %d RU/min (simulator: %s): %d synced, %d failed, "
                            + "%d lost in %.1f min = %.1f people/min; %.1f RU per person charged -> ceiling %.1f people/min; %.0f %% of the ceiling (target >= 90 %%); "
                            + "SharePoint requests %d, of which throttled (429) %d = %.2f %% (target <= 1 %%)",
                    people, unitsPerMinute, costs, progress.done(), progress.failed(), people - progress.done() - progress.failed(), minutes, perMinute,
                    unitsPerUser, ceiling, 100 * perMinute / ceiling, sharePointRequests, metering.refusals(),
                    100.0 * metering.refusals() / Math.max(1, sharePointRequests));
        }
    }
}
