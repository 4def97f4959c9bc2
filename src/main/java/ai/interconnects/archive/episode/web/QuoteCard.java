package ai.interconnects.archive.episode.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import ai.interconnects.archive.web.Site;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The picture a shared moment previews with: a 1200 × 630 PNG (the size Open Graph and X
 * cards expect) of the quote, its speaker, time and episode, drawn with Java2D. The fonts
 * (DejaVu, in {@code resources/fonts} with their license) ship with the app, so a card
 * looks the same on every server. The quote is cut to {@value #MAX_CHARACTERS} characters
 * and {@value #MAX_LINES} lines, and the last {@value #CACHE_SIZE} cards are kept, keyed
 * by what they show, so a link shared widely is drawn once.
 * <p>
 * Drawing one takes a 3 MB picture and the PNG encoder's buffers, so only a few are drawn
 * at once ({@link #MAX_DRAWING}); a card that cannot start within a second is
 * {@link Busy} (the controller answers 503 with {@code Retry-After}), so that a burst of
 * distinct moments waits its turn instead of filling the heap.
 */
@Component
class QuoteCard {

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	static final int MAX_CHARACTERS = 240;

	static final int MAX_LINES = 6;

	static final int CACHE_SIZE = 64;

	static final int MAX_DRAWING = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

	private static final int MARGIN = 72;

	private static final Color BACKGROUND = new Color(0xfbfaf7);

	private static final Color TEXT = new Color(0x1e1c19);

	private static final Color MUTED = new Color(0x5d5850);

	private static final Color ACCENT = new Color(0xa63f17);

	private final Font serif = load("fonts/DejaVuSerif.ttf");

	private final Font sans = load("fonts/DejaVuSans.ttf");

	private final Font bold = load("fonts/DejaVuSans-Bold.ttf");

	private final Semaphore drawing = new Semaphore(MAX_DRAWING);

	private final AtomicInteger mostAtOnce = new AtomicInteger();

	private final Map<Content, byte[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Content, byte[]> eldest) {
			return size() > CACHE_SIZE;
		}
	});

	/**
	 * What a card shows; {@code site} names the show (a quote without a speaker is its).
	 */
	record Content(String text, String speaker, String time, String episodeTitle, Site site) {
	}

	/** Too many cards are being drawn already: ask again in a moment. */
	static final class Busy extends RuntimeException {

		Busy() {
			super("Too many quote cards are being drawn at once", null, false, false);
		}

	}

	byte[] png(Content content) {
		var cached = this.cache.get(content);
		if (cached != null) {
			return cached;
		}
		try {
			if (!this.drawing.tryAcquire(1, TimeUnit.SECONDS)) {
				throw new Busy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		try {
			this.mostAtOnce.accumulateAndGet(MAX_DRAWING - this.drawing.availablePermits(), Math::max);
			var png = render(content);
			this.cache.put(content, png);
			return png;
		}
		finally {
			this.drawing.release();
		}
	}

	/** The most cards drawn at the same time so far. */
	int mostDrawnAtOnce() {
		return this.mostAtOnce.get();
	}

	int cached() {
		return this.cache.size();
	}

	private byte[] render(Content content) {
		var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(BACKGROUND);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(ACCENT);
			g.fillRect(0, 0, 14, HEIGHT);

			int width = WIDTH - 2 * MARGIN;
			var text = "“" + Quote.cut(content.text().strip(), MAX_CHARACTERS) + "”";
			// The largest size at which the quote fits its lines.
			Font quoteFont = this.serif.deriveFont(44f);
			List<String> lines = wrap(text, quoteFont, width, g.getFontRenderContext());
			for (float size = 44f; size > 28f && lines.size() > 5; size -= 4f) {
				quoteFont = this.serif.deriveFont(size);
				lines = wrap(text, quoteFont, width, g.getFontRenderContext());
			}
			if (lines.size() > MAX_LINES) {
				lines = new ArrayList<>(lines.subList(0, MAX_LINES));
				lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1).replaceAll("\\S*$", "").stripTrailing() + "…”");
			}
			g.setFont(quoteFont);
			g.setColor(TEXT);
			var metrics = g.getFontMetrics();
			int y = MARGIN + metrics.getAscent();
			for (var line : lines) {
				g.drawString(line, MARGIN, y);
				y += (int) (metrics.getHeight() * 1.12);
			}

			int footer = HEIGHT - MARGIN;
			g.setColor(ACCENT);
			g.setStroke(new BasicStroke(3));
			g.drawLine(MARGIN, footer - 92, MARGIN + 80, footer - 92);
			g.setFont(this.bold.deriveFont(30f));
			g.setColor(TEXT);
			var who = (content.speaker() != null) ? content.speaker() : content.site().showTitle();
			g.drawString(fit(who + " · " + content.time(), g.getFont(), width, g.getFontRenderContext()), MARGIN,
					footer - 44);
			g.setFont(this.sans.deriveFont(24f));
			g.setColor(MUTED);
			g.drawString(fit(content.episodeTitle() + " — " + content.site().name(), g.getFont(), width,
					g.getFontRenderContext()), MARGIN, footer);
		}
		finally {
			g.dispose();
		}
		var out = new ByteArrayOutputStream(64 * 1024);
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Greedy word wrap; a word longer than a line is broken where it overflows. */
	static List<String> wrap(String text, Font font, int width, FontRenderContext context) {
		var lines = new ArrayList<String>();
		var line = new StringBuilder();
		for (var word : text.split("\\s+")) {
			var candidate = line.isEmpty() ? word : line + " " + word;
			if (font.getStringBounds(candidate, context).getWidth() <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			var rest = word;
			while (font.getStringBounds(rest, context).getWidth() > width && rest.length() > 1) {
				int cut = rest.length() - 1;
				while (cut > 1 && font.getStringBounds(rest.substring(0, cut), context).getWidth() > width) {
					cut--;
				}
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			line.append(rest);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	private static String fit(String text, Font font, int width, FontRenderContext context) {
		if (font.getStringBounds(text, context).getWidth() <= width) {
			return text;
		}
		var cut = text;
		while (cut.length() > 1 && font.getStringBounds(cut + "…", context).getWidth() > width) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut.stripTrailing() + "…";
	}

	private static Font load(String path) {
		try (var in = new ClassPathResource(path).getInputStream()) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException | FontFormatException ex) {
			throw new IllegalStateException("Cannot load the quote card font " + path, ex);
		}
	}

}
