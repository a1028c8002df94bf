package org.gridcc.cases;

import static io.restassured.RestAssured.given;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real image files for the tests (made with javax.imageio), and cases posted with them as multipart forms. */
public final class TestPhotos {

    /**
     * A 1x1 lossless WebP (ImageIO writes none): the image browsers are given to detect WebP support,
     * a complete RIFF/WEBP/VP8L file that Chromium decodes.
     */
    public static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestPhotos() {}

    /** A photo to send: the file name and type the client declares, and its bytes. */
    public record Part(String fileName, String declaredType, byte[] bytes) {}

    /** A small PNG of one colour, different for each seed. */
    public static byte[] png(int width, int height, int seed) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(new Random(seed).nextInt(0xFFFFFF)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return write(image, "png");
    }

    /** A PNG of random pixels: it does not compress, so its size is about 3 bytes a pixel. */
    public static byte[] noisePng(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(17);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt(0xFFFFFF));
        return write(image, "png");
    }

    public static byte[] jpeg(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return write(image, "jpeg");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case at a point as the part "case" holds it. */
    public static String caseJson(double[] at, String category, String title) {
        return """
                {"channel": "grid_worker", "category": "%s", "title": "%s", "location": {"lon": %s, "lat": %s},
                 "reporter": {"name": "赵六", "phone": "13900002222"}}""".formatted(category, title, at[0], at[1]);
    }

    /** A multipart form of the case (as JSON, UTF-8) and its photos, from the default caller (the admin). */
    public static RequestSpecification form(String caseJson, Part... photos) {
        return form(given(), caseJson, photos);
    }

    /** The form with the case (left out when null) and the photos. */
    public static RequestSpecification form(RequestSpecification request, String caseJson, Part... photos) {
        request.contentType("multipart/form-data");
        if (caseJson != null) {
            request.multiPart(new MultiPartSpecBuilder(caseJson).controlName("case").mimeType("application/json").charset("UTF-8").build());
        }
        for (Part photo : photos) request.multiPart("media", photo.fileName(), photo.bytes(), photo.declaredType());
        return request;
    }

    public static Response post(String caseJson, Part... photos) {
        return form(caseJson, photos).post("/api/cases");
    }

    /**
     * Posts a multipart form of text fields and photos with its Content-Length declared (REST Assured
     * sends multipart chunked), without credentials: a form refused by its length never gets to them.
     */
    public static HttpResponse<String> postWithLength(URI uri, Map<String, String> fields, Part... photos) {
        String boundary = "gridcc-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n%s\r\n").formatted(boundary, name, value).getBytes(StandardCharsets.UTF_8)));
        for (Part photo : photos) {
            body.writeBytes(("--%s\r\nContent-Disposition: form-data; name=\"media\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n")
                    .formatted(boundary, photo.fileName(), photo.declaredType()).getBytes(StandardCharsets.UTF_8));
            body.writeBytes(photo.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
