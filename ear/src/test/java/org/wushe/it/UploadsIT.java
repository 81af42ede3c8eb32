package org.wushe.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a request may carry, from outside: a multipart POST to the operator console from an account
 * that is not an operator is refused with 403 before the container parses it (nothing reaches the
 * inbox), and such an account does not see the upload form; too large a POST to the sign-in page,
 * a public page, a fund project page or the API is refused with 413; the import jobs' {@code file}
 * parameter names a file inside the inbox only. Raw requests go through {@link Raw}, built on the
 * same base URL as the other clients.
 */
class UploadsIT extends BrowserTest {

    /** Raw HTTP requests with a session cookie (or none): multipart bodies and plain forms of a chosen size. */
    static final class Raw {
        private final HttpClient http = HttpClient.newBuilder().sslContext(TestHttp.tls())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final URL base;
        private final String cookie;

        Raw(URL base, String cookie) {
            this.base = TestHttp.https(base);
            this.cookie = cookie;
        }

        HttpResponse<String> multipart(String path, String fileName, int fileBytes) {
            String boundary = "----wushe" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream(fileBytes + 1024);
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"\r\n\r\nupload\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload:file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            body.writeBytes(head);
            byte[] line = "community_code,grid_code,name\r\n".getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < fileBytes; written += line.length) {
                body.write(line, 0, Math.min(line.length, fileBytes - written));
            }
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        HttpResponse<String> form(String path, int bytes) {
            byte[] body = new byte[bytes];
            Arrays.fill(body, (byte) 'a');
            System.arraycopy("field=".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 6);
            return send(path, "application/x-www-form-urlencoded", body);
        }

        HttpResponse<String> json(String path, String user, int bytes) {
            byte[] body = new byte[bytes];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[bytes - 1] = '}';
            HttpRequest.Builder b = request(path, "application/json", body).header("Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString((user + ":" + ApiClient.DEMO_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
            return send(b);
        }

        private HttpRequest.Builder request(String path, String type, byte[] body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                    .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return b;
        }

        private HttpResponse<String> send(String path, String type, byte[] body) {
            return send(request(path, type, body));
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Signs in in the browser and returns the session's cookie for raw requests. */
    private String session(String user) {
        signIn(user);
        return "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** The test server's inbox (the test domain sets no wushe.import.inbox): on this machine. */
    private static Path inbox() {
        return Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "wushe-test", "wushe-inbox");
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aNonOperatorsUploadToTheConsole_isRefusedBeforeAByteIsWritten_andTheFormIsNotShownToThem() throws Exception {
        String cookie = session("cadre1");
        driver.get(TestHttp.https(base) + "operator/jobs.xhtml");
        assertTrue(driver.findElements(By.id("upload:file")).isEmpty(), "no upload form for a community cadre");

        List<String> before = listing(inbox());
        String name = "grids-cadre-" + System.nanoTime() + ".csv";
        // Over the 1 MB at which the container would write the part to a temporary file.
        HttpResponse<String> refused = new Raw(base, cookie).multipart("operator/jobs.xhtml", name, 2 * 1024 * 1024);
        assertEquals(403, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("不接受文件上传"), refused::body);
        assertEquals(before, listing(inbox()), "nothing was written to the inbox");

        HttpResponse<String> elsewhere = new Raw(base, cookie).multipart("residents/list.xhtml", name, 10);
        assertEquals(403, elsewhere.statusCode(), "no page without an upload form takes an upload");
    }

    @Test
    void tooLargeAPostToTheSignInAndPublicPages_isRefusedWith413() {
        Raw anonymous = new Raw(base, null);
        HttpResponse<String> signIn = anonymous.form("login.xhtml", 100 * 1024);
        assertEquals(413, signIn.statusCode(), signIn::body);
        assertTrue(signIn.body().contains("64 KB"), signIn::body);
        HttpResponse<String> open = anonymous.form("public/opportunities.xhtml?community=C001", 100 * 1024);
        assertEquals(413, open.statusCode(), open::body);
        assertEquals(403, anonymous.multipart("login.xhtml", "x.csv", 100).statusCode(), "no uploads on the sign-in page");
        assertEquals(200, anonymous.form("public/opportunities.xhtml?community=C001", 1024).statusCode(),
                "a small post still reaches the page");
    }

    @Test
    void aFundUploadOverItsLimit_isRefused_andOnlyFundManagersMayUploadThere() {
        String social = session("social1");
        // A project page takes one receipt or up to six photos of 5 MB each; anything more is refused unread.
        HttpResponse<String> tooLarge = new Raw(base, social).multipart("fund/project.xhtml?id=1", "receipt.png",
                31 * 1024 * 1024 + 1);
        assertEquals(413, tooLarge.statusCode(), tooLarge::body);
        assertTrue(tooLarge.body().contains("31 MB"), tooLarge::body);

        String resident = session("resident1");
        assertEquals(403, new Raw(base, resident).multipart("fund/project.xhtml?id=1", "receipt.png", 6 * 1024 * 1024)
                .statusCode(), "a resident may not upload fund files");

        HttpResponse<String> api = new Raw(base, null).json("api/fund/expenditures", "grid1", 3 * 1024 * 1024);
        assertEquals(413, api.statusCode(), api::body);
        JsonObject problem = ApiClient.object(api.body());
        assertEquals("urn:wushe:problem:upload.tooLarge", problem.getString("type"));
        assertTrue(problem.getString("detail").contains("2 MB"), problem::toString);
    }

    @Test
    void theImportJobsFileParameter_namesAFileInsideTheInboxOnly() {
        ApiClient api = new ApiClient(base);
        for (String file : List.of("../../etc/passwd", "/etc/passwd", "..%2F..%2Fetc%2Fpasswd", "uploads/../../../etc/passwd")) {
            HttpResponse<String> r = api.call("operator", "POST", "jobs/residents-import/executions",
                    "{\"file\":\"" + file + "\"}");
            assertEquals(400, r.statusCode(), () -> file + ": " + r.body());
            JsonObject error = ApiClient.object(r).getJsonArray("errors").getJsonObject(0);
            assertEquals("file", error.getString("field"));
            assertEquals("import.file.outsideInbox", error.getString("key"), file);
            assertTrue(error.getString("message").contains("导入收件箱") && error.getString("message").contains(file),
                    error::toString);
        }
        HttpResponse<String> missing = api.call("operator", "POST", "jobs/grids-import/executions",
                "{\"file\":\"uploads/no-such-file.csv\"}");
        assertEquals(400, missing.statusCode());
        assertEquals("import.file.missing", ApiClient.object(missing).getJsonArray("errors").getJsonObject(0).getString("key"));
    }
}
