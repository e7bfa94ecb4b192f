"""The options and the default texts a fresh WordPress 7.1 install writes.

`populate_options()` (wp-admin/includes/schema.php) inserts its defaults in one statement; then
`wp_install()` and `wp_install_defaults()` (wp-admin/includes/upgrade.php) update some of them
and add `{prefix}user_roles`, `fresh_site`, `widget_block` and `sidebars_widgets`. Option ids,
values and autoload flags (`on`/`off`/`auto`, WordPress 6.6+) come out as WordPress leaves them.
The texts of `Hello world!`, its comment, `Sample Page` and the `Privacy Policy` draft
(WP_Privacy_Policy_Content::get_default_content()) follow, in English as the installer writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pressbox.content.escaping import esc_html
from pressbox.store.install_roles import user_roles_value
from pressbox.store.phpserialize import maybe_serialize

DB_VERSION = 61833  # $wp_db_version of WordPress 7.1 (wp-includes/version.php)
DEFAULT_THEME = "twentytwentyfive"  # WP_DEFAULT_THEME
PRETTY_PERMALINKS = "/%year%/%monthnum%/%day%/%postname%/"
MONTH_IN_SECONDS = 30 * 24 * 60 * 60

# populate_options(): these are stored with autoload 'off', every other default 'on'.
FAT_OPTIONS = frozenset(
    {
        "moderation_keys",
        "recently_edited",
        "disallowed_keys",
        "uninstall_plugins",
        "auto_plugin_theme_update_emails",
    }
)


@dataclass(frozen=True)
class OptionRow:
    """One row of `{prefix}options`."""

    name: str
    value: str
    autoload: str


@dataclass(frozen=True)
class SiteSettings:
    """What an install decides about the site; the rest are WordPress's defaults."""

    site_url: str
    title: str
    description: str
    admin_email: str
    table_prefix: str
    now: int  # Unix time of the install
    default_category: int = 1
    privacy_policy_page: int = 0
    sticky_posts: tuple[int, ...] = ()
    fresh_site: bool = True
    permalink_structure: str = PRETTY_PERMALINKS


def populate_defaults(s: SiteSettings) -> list[tuple[str, Any]]:
    """populate_options()'s defaults, in order, with the values wp_install() later sets."""
    return [
        ("siteurl", s.site_url),
        ("home", s.site_url),
        ("blogname", esc_html(s.title)),  # sanitize_option(): wp_kses_post + esc_html
        ("blogdescription", esc_html(s.description)),
        ("users_can_register", 0),
        ("admin_email", s.admin_email),
        ("start_of_week", "1"),
        ("use_balanceTags", 0),
        ("use_smilies", 1),
        ("require_name_email", 1),
        ("comments_notify", 1),
        ("posts_per_rss", 10),
        ("rss_use_excerpt", 0),
        ("mailserver_url", "mail.example.com"),
        ("mailserver_login", "login@example.com"),
        ("mailserver_pass", ""),
        ("mailserver_port", 110),
        ("default_category", s.default_category),
        ("default_comment_status", "open"),
        ("default_ping_status", "open"),
        ("default_pingback_flag", 1),
        ("posts_per_page", 10),
        ("date_format", "F j, Y"),
        ("time_format", "g:i a"),
        ("links_updated_date_format", "F j, Y g:i a"),
        ("comment_moderation", 0),
        ("moderation_notify", 1),
        # wp_install_maybe_enable_pretty_permalinks() succeeds when rewriting works.
        ("permalink_structure", s.permalink_structure),
        # Left empty: WP_Rewrite::wp_rewrite_rules() rebuilds and saves it on first use.
        ("rewrite_rules", ""),
        ("hack_file", 0),
        ("blog_charset", "UTF-8"),
        ("moderation_keys", ""),
        ("active_plugins", []),
        ("category_base", ""),
        ("ping_sites", "https://rpc.pingomatic.com/"),
        ("comment_max_links", 2),
        ("gmt_offset", 0),
        # 1.5.0
        ("default_email_category", 1),
        ("recently_edited", ""),
        ("template", DEFAULT_THEME),
        ("stylesheet", DEFAULT_THEME),
        ("comment_registration", 0),
        ("html_type", "text/html"),
        # 1.5.1
        ("use_trackback", 0),
        # 2.0.0
        ("default_role", "subscriber"),
        ("db_version", DB_VERSION),
        # 2.0.1
        ("uploads_use_yearmonth_folders", 1),
        ("upload_path", ""),
        # 2.1.0
        ("blog_public", "1"),
        ("default_link_category", 2),
        ("show_on_front", "posts"),
        # 2.2.0
        ("tag_base", ""),
        # 2.5.0
        ("show_avatars", "1"),
        ("avatar_rating", "G"),
        ("upload_url_path", ""),
        ("thumbnail_size_w", 150),
        ("thumbnail_size_h", 150),
        ("thumbnail_crop", 1),
        ("medium_size_w", 300),
        ("medium_size_h", 300),
        # 2.6.0
        ("avatar_default", "mystery"),
        # 2.7.0
        ("large_size_w", 1024),
        ("large_size_h", 1024),
        ("image_default_link_type", "none"),
        ("image_default_size", ""),
        ("image_default_align", ""),
        ("close_comments_for_old_posts", 0),
        ("close_comments_days_old", 14),
        ("thread_comments", 1),
        ("thread_comments_depth", 5),
        ("page_comments", 0),
        ("comments_per_page", 50),
        ("default_comments_page", "newest"),
        ("comment_order", "asc"),
        ("sticky_posts", list(s.sticky_posts)),
        ("widget_categories", []),
        ("widget_text", []),
        ("widget_rss", []),
        ("uninstall_plugins", []),
        # 2.8.0
        ("timezone_string", ""),
        # 3.0.0
        ("page_for_posts", 0),
        ("page_on_front", 0),
        # 3.1.0
        ("default_post_format", 0),
        # 3.5.0
        ("link_manager_enabled", 0),
        # 4.3.0
        ("finished_splitting_shared_terms", 1),
        ("site_icon", 0),
        # 4.4.0
        ("medium_large_size_w", 768),
        ("medium_large_size_h", 0),
        # 4.9.6; wp_install_defaults() points it at the Privacy Policy draft.
        ("wp_page_for_privacy_policy", s.privacy_policy_page),
        # 4.9.8
        ("show_comments_cookies_opt_in", 1),
        # 5.3.0
        ("admin_email_lifespan", s.now + 6 * MONTH_IN_SECONDS),
        # 5.5.0
        ("disallowed_keys", ""),
        ("comment_previously_approved", 1),
        ("auto_plugin_theme_update_emails", []),
        # 5.6.0
        ("auto_update_core_dev", "enabled"),
        ("auto_update_core_minor", "enabled"),
        ("auto_update_core_major", "enabled"),
        # 5.8.0
        ("wp_force_deactivated_plugins", []),
        # 6.4.0
        ("wp_attachment_pages_enabled", 0),
        # 6.9.0
        ("wp_notes_notify", 1),
        # 3.3.0, single site only
        ("initial_db_version", DB_VERSION),
    ]


def _group_widget(title: str, block: str) -> dict[str, str]:
    return {
        "content": '<!-- wp:group --><div class="wp-block-group"><!-- wp:heading --><h2>'
        + title
        + "</h2><!-- /wp:heading -->"
        + block
        + "</div><!-- /wp:group -->"
    }


def default_widgets() -> tuple[dict[Any, Any], dict[str, Any]]:
    """`widget_block` and `sidebars_widgets` as wp_install_defaults() sets them."""
    latest_comments = (
        '<!-- wp:latest-comments {"displayAvatar":false,"displayDate":false,'
        '"displayExcerpt":false} /-->'
    )
    widget_block: dict[Any, Any] = {
        2: {"content": "<!-- wp:search /-->"},
        3: _group_widget("Recent Posts", "<!-- wp:latest-posts /-->"),
        4: _group_widget("Recent Comments", latest_comments),
        5: _group_widget("Archives", "<!-- wp:archives /-->"),
        6: _group_widget("Categories", "<!-- wp:categories /-->"),
        "_multiwidget": 1,
    }
    sidebars = {
        "wp_inactive_widgets": [],
        "sidebar-1": ["block-2", "block-3", "block-4"],
        "sidebar-2": ["block-5", "block-6"],
        "array_version": 3,
    }
    return widget_block, sidebars


def install_options(s: SiteSettings) -> list[OptionRow]:
    """Every option row of a fresh install, in the order WordPress inserts them."""
    rows = [
        OptionRow(name, maybe_serialize(value), "off" if name in FAT_OPTIONS else "on")
        for name, value in populate_defaults(s)
    ]
    # populate_roles(): update_option( $wp_roles->role_key, …, true ) adds it autoloaded.
    rows.append(OptionRow(f"{s.table_prefix}user_roles", user_roles_value(), "on"))
    # wp_install(): update_option( 'fresh_site', 1, false ); publishing a post sets it to 0.
    rows.append(OptionRow("fresh_site", "1" if s.fresh_site else "0", "off"))
    # wp_install_defaults(): update_option() of options that do not exist yet adds them 'auto'.
    widget_block, sidebars = default_widgets()
    rows.append(OptionRow("widget_block", maybe_serialize(widget_block), "auto"))
    rows.append(OptionRow("sidebars_widgets", maybe_serialize(sidebars), "auto"))
    return rows


# --------------------------------------------------------------------------- default texts
# wp_install_defaults() (wp-admin/includes/upgrade.php): the first post, comment and pages.


def first_post() -> str:
    return (
        "<!-- wp:paragraph -->\n<p>Welcome to WordPress. This is your first post. "
        "Edit or delete it, then start writing!</p>\n<!-- /wp:paragraph -->"
    )


def first_comment() -> str:
    return (
        "Hi, this is a comment.\n"
        "To get started with moderating, editing, and deleting comments, please visit the "
        "Comments screen in the dashboard.\n"
        'Commenter avatars come from <a href="https://gravatar.com/">Gravatar</a>.'
    )


def _paragraph(html: str) -> str:
    return f"<!-- wp:paragraph -->\n<p>{html}</p>\n<!-- /wp:paragraph -->"


def _quote(html: str) -> str:
    return (
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote">\n'
        + _paragraph(html)
        + "\n</blockquote>\n<!-- /wp:quote -->"
    )


def sample_page(site_url: str) -> str:
    """The `Sample Page` content of wp_install_defaults()."""
    return "\n\n".join(
        (
            _paragraph(
                "This is an example page. It's different from a blog post because it will "
                "stay in one place and will show up in your site navigation (in most themes). "
                "Most people start with an About page that introduces them to potential site "
                "visitors. It might say something like this:"
            ),
            _quote(
                "Hi there! I'm a bike messenger by day, aspiring actor by night, and this is "
                "my website. I live in Los Angeles, have a great dog named Jack, and I like "
                "pi&#241;a coladas. (And gettin' caught in the rain.)"
            ),
            _paragraph("...or something like this:"),
            _quote(
                "The XYZ Doohickey Company was founded in 1971, and has been providing quality "
                "doohickeys to the public ever since. Located in Gotham City, XYZ employs over "
                "2,000 people and does all kinds of awesome things for the Gotham community."
            ),
            _paragraph(
                f'As a new WordPress user, you should go to <a href="{site_url}/wp-admin/">'
                "your dashboard</a> to delete this page and create new pages for your "
                "content. Have fun!"
            ),
        )
    )


_SUGGESTED = '<strong class="privacy-policy-tutorial">Suggested text: </strong>'

# WP_Privacy_Policy_Content::get_default_content(): (heading, first paragraph, more paragraphs).
_PRIVACY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Who we are", "Our website address is: {url}.", ()),
    (
        "Comments",
        "When visitors leave comments on the site we collect the data shown in the comments "
        "form, and also the visitor&#8217;s IP address and browser user agent string to help "
        "spam detection.",
        (
            "An anonymized string created from your email address (also called a hash) may be "
            "provided to the Gravatar service to see if you are using it. The Gravatar service "
            "privacy policy is available here: https://automattic.com/privacy/. After approval "
            "of your comment, your profile picture is visible to the public in the context of "
            "your comment.",
        ),
    ),
    (
        "Media",
        "If you upload images to the website, you should avoid uploading images with embedded "
        "location data (EXIF GPS) included. Visitors to the website can download and extract "
        "any location data from images on the website.",
        (),
    ),
    (
        "Cookies",
        "If you leave a comment on our site you may opt-in to saving your name, email address "
        "and website in cookies. These are for your convenience so that you do not have to "
        "fill in your details again when you leave another comment. These cookies will last "
        "for one year.",
        (
            "If you visit our login page, we will set a temporary cookie to determine if your "
            "browser accepts cookies. This cookie contains no personal data and is discarded "
            "when you close your browser.",
            "When you log in, we will also set up several cookies to save your login "
            "information and your screen display choices. Login cookies last for two days, and "
            "screen options cookies last for a year. If you select &quot;Remember Me&quot;, "
            "your login will persist for two weeks. If you log out of your account, the login "
            "cookies will be removed.",
            "If you edit or publish an article, an additional cookie will be saved in your "
            "browser. This cookie includes no personal data and simply indicates the post ID "
            "of the article you just edited. It expires after 1 day.",
        ),
    ),
    (
        "Embedded content from other websites",
        "Articles on this site may include embedded content (e.g. videos, images, articles, "
        "etc.). Embedded content from other websites behaves in the exact same way as if the "
        "visitor has visited the other website.",
        (
            "These websites may collect data about you, use cookies, embed additional "
            "third-party tracking, and monitor your interaction with that embedded content, "
            "including tracking your interaction with the embedded content if you have an "
            "account and are logged in to that website.",
        ),
    ),
    (
        "Who we share your data with",
        "If you request a password reset, your IP address will be included in the reset email.",
        (),
    ),
    (
        "How long we retain your data",
        "If you leave a comment, the comment and its metadata are retained indefinitely. This "
        "is so we can recognize and approve any follow-up comments automatically instead of "
        "holding them in a moderation queue.",
        (
            "For users that register on our website (if any), we also store the personal "
            "information they provide in their user profile. All users can see, edit, or "
            "delete their personal information at any time (except they cannot change their "
            "username). Website administrators can also see and edit that information.",
        ),
    ),
    (
        "What rights you have over your data",
        "If you have an account on this site, or have left comments, you can request to "
        "receive an exported file of the personal data we hold about you, including any data "
        "you have provided to us. You can also request that we erase any personal data we "
        "hold about you. This does not include any data we are obliged to keep for "
        "administrative, legal, or security purposes.",
        (),
    ),
    (
        "Where your data is sent",
        "Visitor comments may be checked through an automated spam detection service.",
        (),
    ),
)


def privacy_policy(site_url: str) -> str:
    """The suggested privacy policy, as blocks, each block followed by a newline."""
    out: list[str] = []
    for heading, first, more in _PRIVACY:
        out.append(
            f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{heading}</h2>\n'
            "<!-- /wp:heading -->\n"
        )
        for i, text in enumerate((first.replace("{url}", site_url), *more)):
            out.append(_paragraph((_SUGGESTED if i == 0 else "") + text) + "\n")
    return "".join(out)
