package io.photosync.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.photosync.sandbox.MicrosoftAnswer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The answers Microsoft gave, as {@code ../shared/microsoft-responses} keeps them (its
 * {@code SOURCES.md} says where each came from): JSON files {@code {case, kind, source, note,
 * request, response: {status, headers, bodyKind, body | variants}}}, and text files holding an
 * HTTP exchange after {@code #} comment lines. Nobody here wrote them.
 */
final class Corpus {

    static final Path FOLDER = Path.of("../shared/microsoft-responses");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Corpus() {
    }

    /** Every answer file in the corpus, by name. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("SOURCES.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the corpus of Microsoft's answers is in ../shared/microsoft-responses", e);
        }
    }

    static Answer read(String name) {
        try {
            String text = Files.readString(FOLDER.resolve(name));
            return name.endsWith(".json") ? fromJson(MAPPER.readTree(text)) : fromExchange(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer fromJson(JsonNode file) {
        JsonNode response = file.path("response");
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        boolean json = "json".equals(response.path("bodyKind").asText());
        List<String> bodies = new ArrayList<>();
        if (response.has("variants")) {
            response.path("variants").forEach(variant -> bodies.add(json ? variant.toString() : variant.asText()));
        } else {
            bodies.add(json ? response.path("body").toString() : response.path("body").asText());
        }
        return new Answer(response.path("status").asInt(), headers, bodies, file);
    }

    /** {@code # comments}, an optional request line, the status line, headers, a blank line, the body. */
    private static Answer fromExchange(String text) {
        List<String> lines = text.lines().filter(line -> !line.startsWith("#")).dropWhile(line -> !line.startsWith("HTTP/")).toList();
        int at = 0;
        int status = Integer.parseInt(lines.get(at++).split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (; at < lines.size() && !lines.get(at).isBlank(); at++) {
            String[] header = lines.get(at).split(":", 2);
            headers.put(header[0].strip(), header[1].strip());
        }
        String body = String.join("\n", lines.subList(Math.min(at + 1, lines.size()), lines.size())).strip();
        return new Answer(status, headers, List.of(body), null);
    }

    /**
     * One corpus file.
     *
     * @param bodies the body of each variant (one when the file has no variants), as text
     * @param file the whole JSON file, for the notes and extra variants some carry; null for a text file
     */
    record Answer(int status, Map<String, String> headers, List<String> bodies, JsonNode file) {

        /** A body such as {@code <JPEG bytes>} or {@code <empty or plain text, not JSON>}: a description, not the bytes. */
        boolean placeholder(int variant) {
            return bodies.get(variant).matches("<[^>]*>");
        }

        JsonNode json(int variant) {
            try {
                return MAPPER.readTree(bodies.get(variant));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /**
         * The answer as recorded, for the simulated tenant to replay. A JSON body whose recorder
         * kept no {@code Content-Type} (PnP's keeps only a few headers) is sent as
         * {@code application/json}, which every live service sends with it.
         */
        MicrosoftAnswer replayed(int variant) {
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (header("Content-Type") == null && file != null && "json".equals(file.path("response").path("bodyKind").asText())) {
                sent.put("Content-Type", "application/json");
            }
            return new MicrosoftAnswer(status, sent, placeholder(variant) ? new byte[0] : bodies.get(variant).getBytes(StandardCharsets.UTF_8));
        }

        /** The answer with another body (for a placeholder such as {@code <JPEG bytes>}) or other headers. */
        MicrosoftAnswer replayed(Map<String, String> withHeaders, byte[] body) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(withHeaders);
            return new MicrosoftAnswer(status, all, body);
        }
    }
}
