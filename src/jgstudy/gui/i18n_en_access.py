"""English texts of the shared-database password handling in 设置."""

EN: dict[str, str] = {
    "密码已交给系统钥匙串保管，不写入设置文件。": (
        " The password is kept by the system keyring, not in the settings file."
    ),
    "密码已保存在数据文件夹中仅本人可读的密码文件里，不写入设置文件。": (
        " The password is kept in a password file in the data folder that only you can read,"
        " not in the settings file."
    ),
    (
        "例如 postgresql+psycopg://用户名:密码@服务器/jgstudy?sslmode=require；"
        "密码由系统保管，不写入设置文件；留空则使用数据文件夹中的 SQLite"
    ): (
        "e.g. postgresql+psycopg://user:password@server/jgstudy?sslmode=require; the password "
        "is kept by the system, never in the settings file; leave empty for SQLite in the data "
        "folder"
    ),
}
