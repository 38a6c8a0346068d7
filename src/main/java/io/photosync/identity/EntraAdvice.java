package io.photosync.identity;

import java.util.regex.Pattern;

/** The AADSTS codes an admin meets first, in words that name the fix. */
public final class EntraAdvice {

    /**
     * An HTTP 404 in the message: "404" on its own, not inside the hex of a trace or correlation id
     * that Entra's errors always carry (a random id with "404" in it once made a bad certificate
     * read as an unknown tenant).
     */
    private static final Pattern NOT_FOUND = Pattern.compile("(?<![0-9A-Fa-f-])404(?![0-9A-Fa-f-])");

    private EntraAdvice() {
    }

    /** What to do about Entra ID refusing a token for {@code scope}; Entra's own words when the code is not one of these. */
    public static String about(RuntimeException refusal, EntraProperties entra, String scope) {
        String message = firstLine(refusal);
        if (message.contains("AADSTS90002") || message.contains("AADSTS900023") || NOT_FOUND.matcher(message).find()) {
            return "Entra ID knows no tenant " + entra.tenantId() + ": check PHOTOSYNC_ENTRA_TENANT_ID";
        }
        if (message.contains("AADSTS700016")) {
            return "tenant " + entra.tenantId() + " has no app " + entra.clientId() + ": check PHOTOSYNC_ENTRA_CLIENT_ID";
        }
        if (message.contains("AADSTS700027")) {
            return "the certificate is not the one uploaded to the app registration: upload it (Certificates & secrets)";
        }
        if (message.contains("AADSTS7000215")) {
            return "the client secret is wrong or expired";
        }
        if (message.contains("AADSTS500011")) {
            return "the resource " + scope.replace("/.default", "") + " does not exist in the tenant: check the host name";
        }
        return message;
    }

    /** The first line of the innermost message, without the stack of wrappers around it. */
    public static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
