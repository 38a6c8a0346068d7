package io.photosync.sandbox;

import java.awt.Color;
import java.util.List;

/**
 * The people of the simulated tenant, one for each case PhotoSync must handle. Their object ids
 * are the ones the Microsoft 365 Agents Playground gives its users, so that chatting there as
 * "Adele Vance" syncs Adele's photo. Every image is drawn here, at start; none is downloaded.
 */
public final class Personas {

    public static final String DOMAIN = "contoso.onmicrosoft.com";

    /**
     * One person: who they are, what their Microsoft 365 photo is, whether SharePoint knows them.
     *
     * @param photo the photo bytes, or null for someone who never uploaded one
     */
    public record Persona(String id, String userPrincipalName, String displayName, boolean guest,
                          String what, byte[] photo, String contentType, int width, int height, boolean sharePointProfile) {
    }

    public static final String ALEX = "00000000-0000-0000-0000-0000000000020";
    public static final String MEGAN = "00000000-0000-0000-0000-0000000000021";
    public static final String ADELE = "00000000-0000-0000-0000-0000000000022";
    public static final String ISAIAH = "00000000-0000-0000-0000-0000000000023";
    public static final String PATTI = "00000000-0000-0000-0000-0000000000024";
    public static final String LYNNE = "00000000-0000-0000-0000-0000000000025";
    public static final String NESTOR = "00000000-0000-0000-0000-0000000000026";
    public static final String LIDIA = "00000000-0000-0000-0000-0000000000027";
    public static final String JOHN_GUEST = "00000000-0000-0000-0000-0000000000028";

    /** The helpdesk: Alex. */
    public static final String HELPDESK_GROUP = "6a1e0c44-1d2f-4b7a-9c3e-000000000001";
    /** Megan, Adele, Patti, the guest John, and the nested Sales Interns group. */
    public static final String SALES_AND_MARKETING_GROUP = "6a1e0c44-1d2f-4b7a-9c3e-000000000002";
    /** Lidia, and Megan again (a member twice over is one member). */
    public static final String SALES_INTERNS_GROUP = "6a1e0c44-1d2f-4b7a-9c3e-000000000003";

    private static volatile List<Persona> all;

    private Personas() {
    }

    /** Everyone, in Playground order first; images are drawn on first use and shared. */
    public static List<Persona> all() {
        List<Persona> personas = all;
        if (personas == null) {
            synchronized (Personas.class) {
                if (all == null) {
                    all = draw();
                }
                personas = all;
            }
        }
        return personas;
    }

    public static Persona byId(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona " + id));
    }

    static void seed(SimDirectory tenant, SimSharePoint sharePoint) {
        for (Persona persona : all()) {
            SimUser user = tenant.addUser(persona.id(), persona.userPrincipalName(), persona.displayName(), persona.guest());
            if (persona.photo() != null) {
                user.setPhoto(persona.photo(), persona.contentType(), persona.width(), persona.height());
            }
            if (persona.sharePointProfile()) {
                sharePoint.createProfile(persona.userPrincipalName());
            }
        }
        tenant.user(ALEX).setJob("IT Helpdesk Lead", "IT");
        tenant.user(MEGAN).setJob("Marketing Manager", "Sales & Marketing");
        tenant.user(ADELE).setJob("Retail Manager", "Retail");
        tenant.user(ISAIAH).setJob("Sales Rep", "Sales & Marketing");
        tenant.user(PATTI).setJob("President", "Executive Management");
        tenant.user(LYNNE).setJob("Retail Planner", "Retail");
        tenant.user(NESTOR).setJob("Director", "Operations");
        tenant.user(LIDIA).setJob("Product Manager", "Engineering");
        tenant.addGroup(HELPDESK_GROUP, "Helpdesk").add(tenant.user(ALEX));
        SimGroup interns = tenant.addGroup(SALES_INTERNS_GROUP, "Sales Interns").add(tenant.user(LIDIA)).add(tenant.user(MEGAN));
        tenant.addGroup(SALES_AND_MARKETING_GROUP, "Sales and Marketing")
                .add(tenant.user(MEGAN)).add(tenant.user(ADELE)).add(tenant.user(PATTI)).add(tenant.user(JOHN_GUEST))
                .add(interns);
    }

    private static List<Persona> draw() {
        return List.of(
                new Persona(ALEX, "alexw@" + DOMAIN, "Alex Wilber", false, "PNG with a transparent background",
                        PersonaPictures.png(PersonaPictures.portrait(512, 512, new Color(0x2B, 0x6C, 0xB0), null)), "image/png", 512, 512, true),
                new Persona(MEGAN, "meganb@" + DOMAIN, "Megan Bowen", false, "portrait JPEG, not square (480x640)",
                        PersonaPictures.jpeg(PersonaPictures.portrait(480, 640, new Color(0xB0, 0x3A, 0x2E), new Color(0xF3, 0xE9, 0xD2)), false), "image/jpeg", 480, 640, true),
                new Persona(ADELE, "adelev@" + DOMAIN, "Adele Vance", false, "square JPEG, 648x648",
                        PersonaPictures.jpeg(PersonaPictures.portrait(648, 648, new Color(0x6B, 0x3F, 0xA0), new Color(0xD8, 0xE8, 0xF0)), false), "image/jpeg", 648, 648, true),
                new Persona(ISAIAH, "isaiahl@" + DOMAIN, "Isaiah Langer", false, "CMYK JPEG, as print workflows export",
                        PersonaPictures.cmykJpeg(648), "image/jpeg", 648, 648, true),
                new Persona(PATTI, "patti.o'fernandez@" + DOMAIN, "Patti O'Fernandez", false, "an apostrophe in the UPN; greyscale JPEG",
                        PersonaPictures.jpeg(PersonaPictures.grey(PersonaPictures.portrait(720, 720, new Color(0x20, 0x80, 0x60), new Color(0xFA, 0xF0, 0xE0))), false), "image/jpeg", 720, 720, true),
                new Persona(LYNNE, "lynner@" + DOMAIN, "Lynne Robbins", false, "no photo in Microsoft 365",
                        null, null, 0, 0, true),
                new Persona(NESTOR, "nestorw@" + DOMAIN, "Nestor Wilke", false, "progressive JPEG stored sideways with EXIF orientation 6",
                        PersonaPictures.sidewaysWithExif(648), "image/jpeg", 648, 648, true),
                new Persona(LIDIA, "lidiah@" + DOMAIN, "Lidia Holloway", false, "no SharePoint profile yet (never visited SharePoint)",
                        PersonaPictures.jpeg(PersonaPictures.portrait(648, 648, new Color(0xC0, 0x80, 0x10), new Color(0xE0, 0xF0, 0xE8)), false), "image/jpeg", 648, 648, false),
                new Persona(JOHN_GUEST, "john_fabrikam.com#EXT#@" + DOMAIN, "John Doe (Fabrikam)", true, "a guest (B2B) account",
                        PersonaPictures.jpeg(PersonaPictures.portrait(648, 648, new Color(0x40, 0x40, 0x40), new Color(0xF0, 0xF0, 0xF0)), false), "image/jpeg", 648, 648, false));
    }
}
