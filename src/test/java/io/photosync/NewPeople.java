package io.photosync;

import io.photosync.sandbox.Personas;
import io.photosync.sandbox.SimUser;
import io.photosync.sandbox.SimulatedTenant;
import java.util.UUID;

/** Someone new in the simulated tenant, with or without a Microsoft 365 photo (Adele's) and a SharePoint profile. */
public final class NewPeople {

    private NewPeople() {
    }

    public static SimUser add(SimulatedTenant tenant, String displayName, boolean photo, boolean profile) {
        SimUser person = tenant.addUser(UUID.randomUUID().toString(), "p" + System.nanoTime() + "@" + Personas.DOMAIN, displayName, false);
        if (photo) {
            Personas.Persona adele = Personas.byId(Personas.ADELE);
            person.setPhoto(adele.photo(), adele.contentType(), adele.width(), adele.height());
        }
        if (profile) {
            tenant.sharePoint().createProfile(person.userPrincipalName());
        }
        return person;
    }
}
