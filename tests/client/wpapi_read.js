// Drives node-wpapi against a live pressbox: route discovery from /wp-json/, then reads.
// Prints one JSON object with what it read; any failure exits non-zero with the error.
const WPAPI = require("wpapi");

async function main() {
  const base = process.argv[2];
  // The resources the server's index advertises: each one is read.
  const wanted = new Set((process.argv[3] || "").split(",").filter(Boolean));
  const site = await WPAPI.discover(base);
  const out = {};
  const posts = await site.posts().perPage(2).embed();
  out.posts = posts.map((p) => ({ id: p.id, title: p.title.rendered, author: p._embedded && p._embedded.author && p._embedded.author[0].name }));
  out.totalPosts = posts._paging.total;
  out.totalPages = posts._paging.totalPages;
  if (posts._paging.next) {
    const page2 = await posts._paging.next.get();
    out.page2 = page2.map((p) => p.id);
  }
  const cats = await site.categories().perPage(100);
  out.categories = cats.map((c) => c.slug);
  const withCategory = cats.find((c) => c.count > 0);
  if (withCategory) {
    const filtered = await site.posts().categories(withCategory.id).perPage(100);
    out.filtered = { category: withCategory.id, count: filtered.length, expected: withCategory.count };
  }
  out.tags = (await site.tags().perPage(100)).map((t) => t.slug);
  out.pages = (await site.pages().perPage(100)).map((p) => p.slug);
  if (wanted.has("media")) out.media = (await site.media().perPage(10)).map((m) => m.source_url);
  out.users = (await site.users()).map((u) => u.slug);
  const first = posts[0];
  out.single = (await site.posts().id(first.id)).id;
  if (wanted.has("comments")) out.comments = (await site.comments().perPage(100)).map((c) => c.id);
  out.search = (await site.posts().search(first.title.rendered.split(" ")[0])).length;
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
