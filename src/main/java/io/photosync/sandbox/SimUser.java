package io.photosync.sandbox;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** A user of the simulated directory, with their Microsoft 365 photo. Mutable: tests change photos. */
public final class SimUser {

    private final String id;
    private final String userPrincipalName;
    private final String displayName;
    private final boolean guest;
    private volatile Photo photo;
    /** A photo set through Graph that Graph does not show yet (propagation), and from when it does. */
    private volatile Photo arriving;
    private volatile long arrivesAtNanos;
    private volatile String mail;
    private volatile String jobTitle;
    private volatile String department;
    private volatile String preferredDataLocation;
    private volatile boolean accountEnabled = true;
    private volatile boolean mailbox;
    private volatile boolean secondFactorDue;
    private final Set<String> appRoles = ConcurrentHashMap.newKeySet();

    /** A stored photo: bytes as uploaded, their type and size, and the etag Graph reports. */
    record Photo(byte[] bytes, String contentType, int width, int height, String etag) {
    }

    SimUser(String id, String userPrincipalName, String displayName, boolean guest) {
        this.id = id;
        this.userPrincipalName = userPrincipalName;
        this.displayName = displayName;
        this.guest = guest;
        this.mail = guest ? externalAddress(userPrincipalName) : userPrincipalName;
        this.mailbox = !guest;
    }

    /**
     * Conditional Access asks this person for multi-factor authentication: on-behalf-of exchanges
     * are refused with AADSTS50076 until they sign in interactively once (the consent page).
     */
    public SimUser requireMfa() {
        this.secondFactorDue = true;
        return this;
    }

    boolean secondFactorDue() {
        return secondFactorDue;
    }

    void secondFactorGiven() {
        this.secondFactorDue = false;
    }

    /** A guest's own address, as Graph reports it in {@code mail}: {@code john_fabrikam.com#EXT#@contoso…} is {@code john@fabrikam.com}. */
    private static String externalAddress(String userPrincipalName) {
        int ext = userPrincipalName.indexOf("#EXT#");
        String local = ext < 0 ? userPrincipalName.substring(0, Math.max(0, userPrincipalName.indexOf('@'))) : userPrincipalName.substring(0, ext);
        int at = local.lastIndexOf('_');
        return at <= 0 ? null : local.substring(0, at) + "@" + local.substring(at + 1);
    }

    public String id() {
        return id;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean guest() {
        return guest;
    }

    String mail() {
        return mail;
    }

    public SimUser setMail(String mail) {
        this.mail = mail;
        return this;
    }

    String jobTitle() {
        return jobTitle;
    }

    String department() {
        return department;
    }

    /** The job title and department Entra ID shows (the helpdesk's choice card lists them). */
    public SimUser setJob(String jobTitle, String department) {
        this.jobTitle = jobTitle;
        this.department = department;
        return this;
    }

    String preferredDataLocation() {
        return preferredDataLocation;
    }

    /** The geo of a multi-geo tenant that holds this person's data ({@code EUR}): their SharePoint profile is that geo's. */
    public SimUser setPreferredDataLocation(String location) {
        this.preferredDataLocation = location;
        return this;
    }

    public boolean accountEnabled() {
        return accountEnabled;
    }

    public SimUser setAccountEnabled(boolean enabled) {
        this.accountEnabled = enabled;
        return this;
    }

    /** Whether the person has an Exchange Online mailbox (guests and unlicensed accounts do not). */
    boolean hasMailbox() {
        return mailbox;
    }

    public SimUser setMailbox(boolean mailbox) {
        this.mailbox = mailbox;
        return this;
    }

    /** App roles assigned to the person on PhotoSync's app; they travel in the {@code roles} claim of their SSO token. */
    Set<String> appRoles() {
        return Set.copyOf(appRoles);
    }

    public SimUser assignAppRole(String role) {
        appRoles.add(role);
        return this;
    }

    Photo photo() {
        Photo next = arriving;
        if (next != null && System.nanoTime() - arrivesAtNanos >= 0) {
            synchronized (this) {
                if (arriving == next) {
                    photo = next;
                    arriving = null;
                }
            }
        }
        return photo;
    }

    /**
     * Sets the photo as Graph's update does when its change takes a while to show: until
     * {@code delay} has passed, Graph still serves (and reports the ETag of) the previous one.
     */
    void setPhotoShownAfter(byte[] bytes, String contentType, int width, int height, Duration delay) {
        String etag = "\"" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase() + "\"";
        synchronized (this) {
            arrivesAtNanos = System.nanoTime() + delay.toNanos();
            arriving = new Photo(bytes, contentType, width, height, etag);
        }
    }

    /** Replaces the user's photo, as an upload in Outlook or Teams would; the etag changes. */
    public synchronized void setPhoto(byte[] bytes, String contentType, int width, int height) {
        this.arriving = null;
        String etag = "\"" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).toUpperCase() + "\"";
        this.photo = new Photo(bytes, contentType, width, height, etag);
    }

    /** Deletes the photo, as an admin can in the Microsoft 365 admin center. */
    public synchronized void removePhoto() {
        this.arriving = null;
        this.photo = null;
    }

    /** The Microsoft 365 photo as Graph would serve it, or null without one. */
    public byte[] photoBytes() {
        Photo current = photo();
        return current == null ? null : current.bytes().clone();
    }

    public String photoEtag() {
        Photo current = photo();
        return current == null ? null : current.etag();
    }
}
