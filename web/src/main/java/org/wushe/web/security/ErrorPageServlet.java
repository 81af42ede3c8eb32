package org.wushe.web.security;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.application.ViewExpiredException;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wushe.web.api.Problems;
import org.wushe.web.support.Incidents;
import org.wushe.web.support.Messages;

/**
 * The product's own error pages, instead of the server's (which name the server, its version and
 * the exception): 400, 401, 403, 404, 405, 413, 500 and 503, an uncaught exception, and an expired
 * page ({@code /error/expired}, a Faces view whose state is gone). The page is in the caller's
 * language and names an incident number for every server error; the server log carries the same
 * number with the exception, so the operator finds the cause from what a user reads out. A failure
 * of a request under {@code /api} is answered with a problem document (RFC 9457) instead.
 *
 * <p>Usage: {@code web.xml} maps its {@code error-page} entries to {@code /error/page} and
 * {@code /error/expired}; a direct request to either shows a 404.
 */
@WebServlet("/error/*")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Inject
    Instance<SessionBacking> sessions;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttr = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean expired = "/expired".equals(request.getPathInfo()) || causedBy(error, ViewExpiredException.class);
        String reported = "/failed".equals(request.getPathInfo()) ? request.getParameter("incident") : null;
        int status;
        if (reported != null && reported.matches("E\\d{8}-[A-Z2-9]{6}")) {
            status = 500; // an ajax failure, logged under this number where it happened (AjaxErrorHandlerFactory)
            uri = request.getRequestURI();
        } else if (statusAttr == null && error == null && !expired) {
            status = 404; // called directly, not as an error page
            uri = request.getRequestURI();
        } else if (expired) {
            status = 400;
        } else if (error != null) {
            status = 500;
        } else {
            status = (Integer) statusAttr;
        }
        String incident = null;
        if (reported != null && status == 500) {
            incident = reported;
        } else if (status >= 500) {
            incident = Incidents.newNumber();
            String number = incident;
            String where = request.getMethod() + " " + uri;
            if (error != null) {
                LOG.log(Level.SEVERE, "Incident " + number + " on " + where, error);
            } else {
                LOG.severe(() -> "Incident " + number + " on " + where + ": status " + statusAttr);
            }
        }
        Locale locale = locale(request);
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", SecurityHeadersFilter.POLICY);
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        if (isApi(request)) {
            writeProblem(response, status, incident, locale);
        } else {
            writePage(response, status, expired, incident, locale, context);
        }
    }

    private static void writeProblem(HttpServletResponse response, int status, String incident, Locale locale)
            throws IOException {
        String key = Problems.keyFor(status);
        var problem = jakarta.json.Json.createObjectBuilder(Problems.of(status, key, locale));
        if (incident != null) {
            problem.add("incident", incident);
        }
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.build().toString());
    }

    private static void writePage(HttpServletResponse response, int status, boolean expired, String incident,
                                  Locale locale, String context) throws IOException {
        String kind = expired ? "expired" : switch (status) {
            case 400, 401, 403, 404, 405, 413, 503 -> String.valueOf(status);
            default -> "500";
        };
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = Messages.text(locale, "errorPage.title." + kind);
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html>\n<html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN") + "\">"
                + "<head><meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + escape(title) + " - " + escape(Messages.text(locale, "app.title")) + "</title>"
                + "<style>body{font-family:sans-serif;margin:0;color:#1f2933;background:#f5f7fa}"
                + "header{background:#9f1c1c;color:#fff;padding:12px 20px;font-size:1.1rem}"
                + "main{max-width:40rem;margin:2rem auto;padding:0 20px}h1{font-size:1.4rem}"
                + "a{color:#0b4f8a}a:focus{outline:3px solid #f0b429}.incident{font-family:monospace;font-size:1.1rem}</style>"
                + "</head><body><header>" + escape(Messages.text(locale, "app.title")) + "</header><main>"
                + "<h1>" + escape(title) + "</h1><p>" + escape(Messages.text(locale, "errorPage.text." + kind)) + "</p>");
        if (incident != null) {
            out.print("<p>" + escape(Messages.text(locale, "errorPage.incident")) + " <span class=\"incident\" id=\"incident\">"
                    + incident + "</span></p>");
        }
        out.print("<p><a href=\"" + escape(context) + "/\">" + escape(Messages.text(locale, "errorPage.home")) + "</a></p>"
                + "</main></body></html>");
    }

    private static boolean isApi(HttpServletRequest request) {
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String context = request.getContextPath();
        return uri != null && (uri.equals(context + "/api") || uri.startsWith(context + "/api/"));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The language the person chose in this session, else the browser's when English, else Chinese. */
    private Locale locale(HttpServletRequest request) {
        if (request.getSession(false) != null && !isApi(request)) {
            try {
                return sessions.get().getLocale();
            } catch (RuntimeException noSessionContext) {
                // an error outside the session context: fall back to the browser's language
            }
        }
        return Messages.supported(request.getLocale());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
