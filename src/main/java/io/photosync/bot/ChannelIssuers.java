package io.photosync.bot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may issue the channel tokens {@code /api/messages} accepts ({@code photosync.bot.channel-issuers}):
 * each entry an issuer, or {@code issuer|metadata-url}. The Bot Framework's, in the cloud the bot
 * is in ({@code https://api.botframework.com}, the US government clouds'
 * {@code https://api.botframework.us}, 21Vianet's {@code https://api.botframework.azure.cn}), use
 * {@code photosync.bot.open-id-metadata-url} (or their well-known one); Entra's two forms for a
 * tenant ({@code https://sts.windows.net/{tenant}/},
 * {@code https://login.microsoftonline.com/{tenant}/v2.0}) find their metadata at Entra's well-known
 * address; any other issuer must name its metadata.
 *
 * @param acceptsBotFramework the public cloud's Bot Framework, checked by the SDK
 * @param acceptsUsGovernment the US government clouds' Bot Framework (GCC High, DoD), checked by the SDK
 * @param others every other accepted issuer, with its OpenID metadata URL
 * @param serviceUrlHosts where an activity whose token names no service URL may come from
 */
record ChannelIssuers(boolean acceptsBotFramework, boolean acceptsUsGovernment, Map<String, String> others, Set<String> serviceUrlHosts) {

    static final String BOT_FRAMEWORK = "https://api.botframework.com";
    static final String BOT_FRAMEWORK_US_GOVERNMENT = "https://api.botframework.us";
    /** 21Vianet's, which the Java SDK does not know: checked as another issuer whose tokens name their service URL. */
    static final String BOT_FRAMEWORK_CHINA = "https://api.botframework.azure.cn";
    static final ChannelIssuers BOT_FRAMEWORK_ONLY = new ChannelIssuers(true, false, Map.of(), Set.of());
    private static final String CHINA_METADATA = "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration";
    private static final Pattern ENTRA_V1 = Pattern.compile("https://sts\\.windows\\.net/([0-9a-fA-F-]{36})/");
    private static final Pattern ENTRA_V2 = Pattern.compile("(https://login\\.microsoftonline\\.com)/([0-9a-fA-F-]{36})/v2\\.0");

    ChannelIssuers {
        others = Map.copyOf(others);
        serviceUrlHosts = Set.copyOf(serviceUrlHosts);
    }

    /**
     * Reads the configured entries; refuses at start an entry whose keys cannot be found.
     *
     * @param botMetadata {@code photosync.bot.open-id-metadata-url}: where the Bot Framework of the bot's cloud publishes its keys (blank: the well-known place)
     */
    static ChannelIssuers parse(List<String> entries, List<String> serviceUrlHosts, String botMetadata) {
        boolean botFramework = false;
        boolean usGovernment = false;
        Map<String, String> others = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("\\|", 2);
            String issuer = parts[0].strip();
            if (issuer.isEmpty()) {
                continue;
            }
            if (issuer.equals(BOT_FRAMEWORK)) {
                botFramework = true;
            } else if (issuer.equals(BOT_FRAMEWORK_US_GOVERNMENT)) {
                usGovernment = true;
            } else if (issuer.equals(BOT_FRAMEWORK_CHINA) && parts.length == 1) {
                others.put(issuer, botMetadata == null || botMetadata.isBlank() ? CHINA_METADATA : botMetadata.strip());
            } else {
                others.put(issuer, parts.length == 2 ? parts[1].strip() : wellKnownMetadata(issuer));
            }
        }
        if (!botFramework && !usGovernment && others.isEmpty()) {
            throw new IllegalStateException("photosync.bot.channel-issuers names no issuer: list " + BOT_FRAMEWORK + " at least");
        }
        return new ChannelIssuers(botFramework, usGovernment, others,
                serviceUrlHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).collect(Collectors.toSet()));
    }

    private static String wellKnownMetadata(String issuer) {
        Matcher v1 = ENTRA_V1.matcher(issuer);
        if (v1.matches()) {
            return "https://login.microsoftonline.com/" + v1.group(1) + "/.well-known/openid-configuration";
        }
        Matcher v2 = ENTRA_V2.matcher(issuer);
        if (v2.matches()) {
            return v2.group(1) + "/" + v2.group(2) + "/v2.0/.well-known/openid-configuration";
        }
        throw new IllegalStateException("photosync.bot.channel-issuers: " + issuer + " is not the Bot Framework's or Entra's; "
                + "name where it publishes its keys as '" + issuer + "|<OpenID metadata URL>'");
    }
}
