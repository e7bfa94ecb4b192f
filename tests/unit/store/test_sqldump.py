from pathlib import Path

import pytest
from sqlalchemy import select, text

from pressbox.store.db import Database
from pressbox.store.sqldump import load_dump, parse_values

DUMP = """-- MariaDB dump
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `wp_options`;
CREATE TABLE `wp_options` (
  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `option_name` varchar(191) NOT NULL DEFAULT '',
  `option_value` longtext NOT NULL,
  `autoload` varchar(20) NOT NULL DEFAULT 'yes',
  PRIMARY KEY (`option_id`)
) ENGINE=InnoDB AUTO_INCREMENT=40 DEFAULT CHARSET=utf8mb4;
INSERT INTO `wp_options` VALUES
(1,'blogname','It\\'s a \\"site\\"; really\\nyes','on'),
(2,'x','a:1:{s:3:\\"k;y\\";s:4:\\"\\\\\\\\ab\\";}','off'),
(3,'emoji','caf\xc3\xa9 \xf0\x9f\x98\x80','auto');
CREATE TABLE `wp_plugin_table` (
  `id` int(11) NOT NULL,
  `label` varchar(20) DEFAULT NULL
) ENGINE=InnoDB;
INSERT INTO `wp_plugin_table` VALUES (1,NULL),(2,'two');
"""


@pytest.mark.parametrize(
    ("sql", "rows"),
    [
        ("(1,'a'),(2,'b');", [(1, "a"), (2, "b")]),
        ("(NULL,-3,1.5,'x\\'y');", [(None, -3, "1.5", "x'y")]),
        ("('a\\\\b','%\\_');", [("a\\b", "%\\_")]),
        ("('tab\\there','nl\\n','zero\\0');", [("tab\there", "nl\n", "zero\0")]),
    ],
)
def test_parse_values(sql: str, rows: list[tuple[object, ...]]) -> None:
    assert list(parse_values(sql)) == rows


def test_load_dump_round_trip(tmp_path: Path) -> None:
    dump = tmp_path / "d.sql"
    dump.write_bytes(DUMP.encode("latin-1"))
    db = Database(f"sqlite:///{tmp_path / 's.db'}")
    stats = load_dump(dump, db.engine, db.tables)
    assert stats.rows == {"wp_options": 3, "wp_plugin_table": 2}
    o = db.tables.options.c
    values = dict(db.conn().execute(select(o.option_name, o.option_value)).all())
    assert values["blogname"] == 'It\'s a "site"; really\nyes'
    assert values["x"] == 'a:1:{s:3:"k;y";s:4:"\\\\ab";}'
    assert values["emoji"] == "café \U0001f600"
    plugin = db.conn().execute(text("SELECT id, label FROM wp_plugin_table ORDER BY id")).all()
    assert [tuple(r) for r in plugin] == [(1, None), (2, "two")]
    # The next id is the dump's AUTO_INCREMENT, not max(id) + 1.
    with db.engine.begin() as conn:
        new_id = conn.execute(
            db.tables.options.insert().values(option_name="n", option_value="v")
        ).inserted_primary_key
    assert new_id is not None and new_id[0] == 40


def test_load_oracle_dump(oracle: Path, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'o.db'}")
    stats = load_dump(oracle / "wordpress.sql", db.engine, db.tables)
    p = db.tables.posts.c
    counts = dict(
        db.conn()
        .execute(
            select(p.post_status, text("count(*)"))
            .where(p.post_type == "post")
            .group_by(p.post_status)
        )
        .all()
    )
    assert counts == {
        "publish": 74,
        "draft": 2,
        "future": 2,
        "pending": 1,
        "private": 1,
        "trash": 1,
    }
    assert stats.auto_increment["wp_posts"] == 12277
