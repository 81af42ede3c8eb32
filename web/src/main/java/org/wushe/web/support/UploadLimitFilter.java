package org.wushe.web.support;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.wushe.fund.domain.FileType;
import org.wushe.fund.domain.Progress;
import org.wushe.security.application.Permissions;
import org.wushe.security.domain.Right;
import org.wushe.shared.Installation;
import org.wushe.web.api.Problems;
import org.wushe.web.security.SessionBacking;

/**
 * What a request may carry, decided before a byte of its body is read. The Faces servlet parses a
 * multipart body as soon as a page asks for its parts, writing parts over 1 MB to temporary files,
 * and accepts up to 1 GB (the operator console's CSV files); so the limits are set here, per use:
 * <ul>
 *   <li>a multipart request (an upload) is accepted only on the two pages with an upload form and
 *       only from an account whose role holds the right for it: the operator console
 *       ({@code /operator/jobs.xhtml}, {@link Right#OPERATE_JOBS}) and a micro-fund project
 *       ({@code /fund/project.xhtml}: receipts with {@link Right#MANAGE_FUND}, progress photos with
 *       {@link Right#DESIGN_PROJECTS}); anywhere else, or from anyone else, it is refused with 403;</li>
 *   <li>the size, by {@code Content-Length}: the console's CSV {@code wushe.upload.importMaxMB}
 *       (1 GB); a project page {@value Progress#MAX_PHOTOS} files of 5 MB and the form; the REST
 *       uploads of receipts and progress photos (base64 in JSON) the same in base64; every other
 *       workstation page and the rest of {@code /api} 2 MB (enough for a large form); the sign-in
 *       page, {@code /public/*} and the static resources 64 KB. The larger limits hold only for the
 *       right's holders; more is refused with 413, a short page in the reader's language or, under
 *       {@code /api}, a problem document. A body of unknown length is counted as it is read under
 *       {@code /api}; a page, whose body the container parses itself, needs its length (411).</li>
 * </ul>
 * Each file's own checks stay where they were (5 MB a fund file, its type by its bytes; the console's
 * right again in the service before anything is written).
 */
@WebFilter(filterName = "UploadLimitFilter", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class UploadLimitFilter implements Filter {

    static final long KB = 1024;
    static final long MB = 1024 * KB;
    /** Sign-in, public pages, static resources: a small form at most. */
    static final long OPEN_MAX = 64 * KB;
    /** Any other page or API call: a large form or JSON body, well below any upload. */
    static final long WORKSTATION_MAX = 2 * MB;
    /** A project page: its receipt or up to six photos of 5 MB, and the rest of the form. */
    static final long FUND_PAGE_MAX = Progress.MAX_PHOTOS * (long) FileType.MAX_BYTES + MB;
    /** The same through REST, where files travel as base64 (4 bytes for 3, with line breaks at most). */
    static final long FUND_API_MAX = Progress.MAX_PHOTOS * (long) FileType.MAX_BYTES * 14 / 10 + MB;

    /** How much of a refused body is read and thrown away so the client sees the answer. */
    static final long DRAIN_MAX = 64 * MB;

    private static final Pattern FUND_UPLOADS_API = Pattern.compile("/api/(fund/expenditures|projects/[^/]+/progress)/?");

    /** The uses a request path falls into, with their limits and who may upload there. */
    enum Use {
        CONSOLE(Set.of(Right.OPERATE_JOBS), true),
        FUND_PAGE(Set.of(Right.MANAGE_FUND, Right.DESIGN_PROJECTS), true),
        FUND_API(Set.of(Right.MANAGE_FUND, Right.DESIGN_PROJECTS), false),
        API(Set.of(), false),
        OPEN(Set.of(), false),
        WORKSTATION(Set.of(), false);

        /** The rights of which one lets a caller send this use's larger bodies (and, for pages, uploads). */
        final Set<Right> uploaders;
        /** Whether the page has an upload form, i.e. takes multipart requests from the uploaders. */
        final boolean multipart;

        Use(Set<Right> uploaders, boolean multipart) {
            this.uploaders = uploaders;
            this.multipart = multipart;
        }

        /** The use of a path inside the application ({@code /operator/jobs.xhtml}, {@code /api/jobs}). */
        static Use of(String path) {
            if (path.equals("/operator/jobs.xhtml")) {
                return CONSOLE;
            }
            if (path.equals("/fund/project.xhtml")) {
                return FUND_PAGE;
            }
            if (FUND_UPLOADS_API.matcher(path).matches()) {
                return FUND_API;
            }
            if (path.equals("/api") || path.startsWith("/api/")) {
                return API;
            }
            if (path.equals("/login.xhtml") || path.startsWith("/public/") || path.startsWith("/jakarta.faces.resource/")
                    || path.startsWith("/resources/")) {
                return OPEN;
            }
            return WORKSTATION;
        }

        boolean api() {
            return this == API || this == FUND_API;
        }

        /** The limit for everyone (also the right's holders when the use has no larger one). */
        long everyone() {
            return this == OPEN ? OPEN_MAX : WORKSTATION_MAX;
        }

        /** The limit for the holders of one of {@link #uploaders}. */
        long uploaders() {
            return switch (this) {
                case CONSOLE -> Installation.importUploadMaxBytes();
                case FUND_PAGE -> FUND_PAGE_MAX;
                case FUND_API -> FUND_API_MAX;
                default -> everyone();
            };
        }
    }

    @EJB
    Permissions permissions;

    @Inject
    SessionBacking session;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Use use = Use.of(path);
        String type = req.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
        long length = req.getContentLengthLong();
        boolean unknownLength = length < 0 && req.getHeader("Transfer-Encoding") != null;
        if (!multipart && !unknownLength && length <= use.everyone()) {
            chain.doFilter(request, response); // the usual case: no upload, a small body or none
            return;
        }
        // Only now is the account read: whether it holds the right for this path's uploads.
        boolean holds = !use.uploaders.isEmpty() && permissions.holdsAny(use.uploaders);
        if (multipart && !(use.multipart && holds)) {
            refuse(req, res, use, HttpServletResponse.SC_FORBIDDEN, "upload.notPermitted");
            return;
        }
        long max = holds ? use.uploaders() : use.everyone();
        if (length > max) {
            refuse(req, res, use, 413, "upload.tooLarge", size(max));
            return;
        }
        if (unknownLength) {
            if (!use.api()) {
                refuse(req, res, use, 411, "upload.lengthRequired");
                return;
            }
            Counted counted = new Counted(req, max);
            chain.doFilter(counted, response);
            if (counted.exceeded && !res.isCommitted()) {
                res.reset();
                refuse(req, res, use, 413, "upload.tooLarge", size(max));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest req, HttpServletResponse res, Use use, int status, String key, Object... args)
            throws IOException {
        Locale locale = locale(req);
        // The body was not read: the connection cannot carry another request after this answer.
        res.setHeader("Connection", "close");
        if (use.api()) {
            Problems.write(res, status, key, locale, List.of(args));
            drain(req, res);
            return;
        }
        res.setStatus(status);
        res.setContentType("text/html");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = Messages.text(locale, key + ".title");
        res.getWriter().write("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
                + "\"><head><meta charset=\"UTF-8\"><title>" + html(title) + "</title></head><body><h1>" + html(title)
                + "</h1><p id=\"refusal\">" + html(Messages.text(locale, key, args)) + "</p><p><a href=\""
                + html(req.getContextPath()) + "/\">" + html(Messages.text(locale, "upload.home")) + "</a></p></body></html>");
        drain(req, res);
    }

    /**
     * Sends the answer, then reads what the client is still sending, up to {@link #DRAIN_MAX}, and
     * throws it away (nothing is kept or parsed): a client that writes its whole body before it
     * reads the answer (most browsers) then sees the answer instead of a reset connection. A larger
     * body is cut off with the connection.
     */
    private static void drain(HttpServletRequest req, HttpServletResponse res) {
        try {
            res.flushBuffer();
            byte[] sink = new byte[64 * 1024];
            long total = 0;
            var in = req.getInputStream();
            int n;
            while (total <= DRAIN_MAX && (n = in.read(sink)) > 0) {
                total += n;
            }
        } catch (IOException | RuntimeException gone) {
            // the client went away: nothing more to do
        }
    }

    /** The language the person chose in this session, else the one their browser asks for first. */
    private Locale locale(HttpServletRequest req) {
        if (req.getSession(false) != null) {
            try {
                return session.getLocale();
            } catch (RuntimeException noSessionContext) {
                // fall back to the request's language
            }
        }
        return Messages.supported(req.getLocale());
    }

    /** A size as people read it: {@code 64 KB}, {@code 2 MB}, {@code 1024 MB}. */
    static String size(long bytes) {
        return bytes % MB == 0 ? bytes / MB + " MB" : (bytes + KB - 1) / KB + " KB";
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A body of unknown length, counted as it is read; past the limit reading fails. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long max;
        private long read;
        private boolean exceeded;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                exceeded = true;
                throw new IOException("request body larger than " + max + " bytes");
            }
        }
    }
}
