"""``jgstudy db provision | add-user | revoke``: least privilege on an organ's shared database.

Run by the organ's IT staff with the administrator's URL (``--admin-url``, else ``--db`` or
``JGSTUDY_DB``). See docs/deployment.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from jgstudy.cli.commands import CliError
from jgstudy.core import access
from jgstudy.core.dburl import masked, without_password
from jgstudy.core.errors import AccessError
from jgstudy.core.paths import DB_ENV

KIND_LABELS = {"cadre": "学员", "trainer": "培训师"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    provision = sub.add_parser("provision", help="为共享 PostgreSQL 设置角色与行级权限（管理员）")
    _admin_option(provision)
    provision.set_defaults(func=provision_db)
    add = sub.add_parser("add-user", help="为一个人创建自己的数据库登录（管理员）")
    add.add_argument("name", help="姓名（档案中的名字）")
    add.add_argument("--role", choices=("cadre", "trainer"), required=True)
    add.add_argument("--unit", required=True, help="所在单位")
    add.add_argument("--login", help="登录名（默认 jg_<角色>_<编号>）")
    add.add_argument(
        "--password-stdin", action="store_true", help="从标准输入读密码（默认随机生成）"
    )
    _admin_option(add)
    add.set_defaults(func=add_user)
    revoke = sub.add_parser("revoke", help="收回一个人的数据库登录（记录保留）")
    revoke.add_argument("name", help="姓名或登录名")
    _admin_option(revoke)
    revoke.set_defaults(func=revoke_user)


def _admin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--admin-url", help=f"管理员的数据库地址（默认：--db 或环境变量 {DB_ENV}）")


def _admin_url(args: argparse.Namespace) -> str:
    url = args.admin_url or args.db or os.environ.get(DB_ENV)
    if not url:
        raise CliError("请用 --admin-url 给出管理员的 PostgreSQL 地址")
    return str(url)


def provision_db(args: argparse.Namespace) -> int:
    url = _admin_url(args)
    with _explained(url):
        covered = access.provision(url)
    print(f"已在 {masked(url)} 设置角色与行级权限，覆盖 {len(covered)} 张表。")
    print("数据库升级后请再运行一次本命令，让新表也受保护。")
    return 0


def add_user(args: argparse.Namespace) -> int:
    url = _admin_url(args)
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if args.password_stdin and not password:
        raise CliError("标准输入没有读到密码")
    with _explained(url):
        login = access.add_user(
            url, args.name, args.role, args.unit, login=args.login, password=password
        )
    print(f"已为 {login.name}（{login.unit}，{KIND_LABELS[login.kind]}）设置登录：{login.login}")
    if not args.password_stdin:
        print(f"一次性密码：{login.password}")
        print("（只显示这一次；请当面交给本人，首次在“设置”中填入后由系统保管）")
    personal = without_password(url, username=login.login)
    print(f"本人的连接地址：{personal}")
    return 0


def revoke_user(args: argparse.Namespace) -> int:
    url = _admin_url(args)
    with _explained(url):
        login = access.revoke(url, args.name)
    print(f"已收回登录 {login}：不能再连接数据库，学习记录保留。")
    return 0


@contextmanager
def _explained(url: str) -> Iterator[None]:
    """Turn an access or connection failure into one sentence for IT staff."""
    try:
        yield
    except AccessError as error:
        raise CliError(str(error)) from error
    except Exception as error:
        if not type(error).__module__.startswith(("sqlalchemy", "psycopg")):
            raise
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise CliError(f"数据库 {masked(url)} 拒绝了操作：{reason}") from error
