package io.photosync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a sync's lookup found answers the audit's question for that person's UPN: no second directory call. */
class RecentlySyncedTests {

    private final List<String> asked = new ArrayList<>();
    private final Directory directory = id -> {
        asked.add(id);
        return id.startsWith("nobody") ? Optional.empty()
                : Optional.of(new DirectoryUser(id.toUpperCase(), id + "@contoso.com", "Person " + id, false, null, null, null, null));
    };

    @Test
    void remembersThePeopleTheDirectoryFoundAndNobodyElse() {
        RecentlySynced recent = new RecentlySynced();
        Directory remembering = recent.remembering(directory);

        assertThat(remembering.findUser("alice")).isPresent();
        assertThat(remembering.findUser("nobody-1")).isEmpty();

        assertThat(recent.userPrincipalName("ALICE")).hasValue("alice@contoso.com");
        assertThat(recent.userPrincipalName("alice")).as("object ids compared without case").hasValue("alice@contoso.com");
        assertThat(recent.userPrincipalName("nobody-1")).isEmpty();
        assertThat(asked).containsExactly("alice", "nobody-1");
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondTenThousand() {
        RecentlySynced recent = new RecentlySynced();
        Directory remembering = recent.remembering(directory);
        remembering.findUser("first");
        for (int i = 0; i < 10_000; i++) {
            remembering.findUser("p" + i);
        }

        assertThat(recent.userPrincipalName("FIRST")).isEmpty();
        assertThat(recent.userPrincipalName("P9999")).isPresent();
        assertThat(recent.userPrincipalName("P0")).isPresent();
    }
}
