package io.photosync.sharepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.photosync.sync.DirectoryUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharePointGeosTests {

    private static SharePointGeos geos(String... entries) {
        return SharePointGeos.of(new SharePointProperties("https://contoso-my.sharepoint.com/", "https://contoso-admin.sharepoint.com",
                "User Photos", "Profile Pictures", "Contoso", 3, Duration.ofSeconds(30), 1200, "", List.of(entries)));
    }

    private static DirectoryUser in(String location) {
        return new DirectoryUser("id", "someone@contoso.com", "Someone", false, null, null, null, location);
    }

    @Test
    void aPersonIsInTheGeoOfTheirDataLocationAndEveryoneElseInTheCentralOne() {
        SharePointGeos geos = geos(" eur=https://contosoeur-my.sharepoint.com ", "APC=https://apac.contoso.com|https://contosoapc-admin.sharepoint.com/");

        assertThat(geos.of(in("EUR"))).isEqualTo(new SharePointGeos.Hosts("EUR", "https://contosoeur-my.sharepoint.com",
                "https://contosoeur-admin.sharepoint.com"));
        assertThat(geos.of(in("apc")).admin()).isEqualTo("https://contosoapc-admin.sharepoint.com");
        assertThat(geos.of(in("APC")).mySite()).isEqualTo("https://apac.contoso.com");
        assertThat(geos.of(in(null))).isEqualTo(new SharePointGeos.Hosts(null, "https://contoso-my.sharepoint.com", "https://contoso-admin.sharepoint.com"));
        assertThat(geos.of(in("NAM")).location()).as("a location not listed: the central geo").isNull();
        assertThat(geos.mySiteHosts()).containsExactly("https://contoso-my.sharepoint.com", "https://contosoeur-my.sharepoint.com", "https://apac.contoso.com");
        assertThat(geos.allHosts()).hasSize(6);
        assertThat(geos().others()).isEmpty();
    }

    @Test
    void anEntryThatNamesNoLocationOrNoHostOrAHostWithoutAnAdminStopsTheStart() {
        assertThatThrownBy(() -> geos("https://contosoeur-my.sharepoint.com")).hasMessageContaining("is not LOCATION=https://");
        assertThatThrownBy(() -> geos("EUR=")).hasMessageContaining("is not LOCATION=https://");
        assertThatThrownBy(() -> geos("EUR=http://contosoeur-my.sharepoint.com")).hasMessageContaining("is not LOCATION=https://");
        assertThatThrownBy(() -> geos("EUR=https://europe.contoso.com")).hasMessageContaining("give its admin host too");
    }
}
