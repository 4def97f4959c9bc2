<?xml version="1.0" encoding="UTF-8"?>
<!-- The archive feed as a page, for a person who opens /feed.xml in a browser: what it is,
     how to follow it in a podcast app, and its episodes. Podcast apps ignore it. Styled by
     the site's own stylesheet; no script, so the page's Content-Security-Policy holds. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
		xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
		exclude-result-prefixes="atom itunes">
	<xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

	<xsl:variable name="feed" select="/rss/channel/atom:link[@rel='self']/@href"/>
	<xsl:variable name="bare" select="substring-after($feed, '://')"/>
	<xsl:variable name="home" select="/rss/channel/link"/>

	<xsl:template match="/">
		<html lang="en">
			<head>
				<meta charset="utf-8"/>
				<meta name="viewport" content="width=device-width, initial-scale=1"/>
				<meta name="color-scheme" content="light dark"/>
				<title>Podcast feed · <xsl:value-of select="/rss/channel/title"/></title>
				<link rel="stylesheet" href="/css/archive.css"/>
				<link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
			</head>
			<body>
				<header class="site-header">
					<div class="site-header-inner">
						<a class="site-title" href="{$home}"><span class="site-mark" aria-hidden="true">◖◗</span><xsl:text> </xsl:text><xsl:value-of select="/rss/channel/title"/></a>
					</div>
				</header>
				<main id="main" class="page page-feed">
					<header class="page-intro">
						<p class="eyebrow">Podcast feed</p>
						<h1><xsl:value-of select="/rss/channel/title"/></h1>
						<p class="lede">This is the archive's podcast feed: add its address to a podcast app to get every episode, with chapters and transcripts where the app shows them.</p>
					</header>
					<section class="subscribe" aria-labelledby="subscribe-title">
						<h2 id="subscribe-title">Follow in a podcast app</h2>
						<p class="subscribe-apps">
							<a href="podcast://{$bare}" rel="nofollow">Apple Podcasts</a> ·
							<a href="overcast://x-callback-url/add?url={$feed}" rel="nofollow">Overcast</a> ·
							<a href="pktc://subscribe/{$bare}" rel="nofollow">Pocket Casts</a> ·
							<a href="https://antennapod.org/deeplink/subscribe?url={$feed}" rel="nofollow">AntennaPod</a>
						</p>
						<p class="subscribe-url"><label for="feed-url">Or add this address in any app:</label><xsl:text> </xsl:text>
							<input id="feed-url" type="text" readonly="readonly" value="{$feed}"/></p>
					</section>
					<h2>Episodes in this part of the feed</h2>
					<ol class="feed-items">
						<xsl:for-each select="/rss/channel/item">
							<li>
								<a href="{link}"><xsl:value-of select="title"/></a>
								<span class="meta"><xsl:text> · </xsl:text><xsl:value-of select="substring(pubDate, 6, 11)"/></span>
							</li>
						</xsl:for-each>
					</ol>
					<nav class="pagination" aria-label="Feed pages">
						<xsl:for-each select="/rss/channel/atom:link[@rel='previous' or @rel='next' or @rel='prev-archive' or @rel='next-archive']">
							<a href="{@href}">
								<xsl:choose>
									<xsl:when test="@rel='previous'">← Newer episodes</xsl:when>
									<xsl:when test="@rel='next'">Older episodes →</xsl:when>
									<xsl:when test="@rel='prev-archive'">Oldest episodes, as an archive</xsl:when>
									<xsl:otherwise>Next archive</xsl:otherwise>
								</xsl:choose>
							</a>
						</xsl:for-each>
					</nav>
				</main>
			</body>
		</html>
	</xsl:template>
</xsl:stylesheet>
