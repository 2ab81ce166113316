#!/bin/sh
# Put jgstudy in the current user's application menu: a .desktop entry and icons under
# ~/.local/share, a `jgstudy` command under ~/.local/bin. Needs no administrator rights; run it
# from the unpacked folder, which stays where it is (move the folder, then run this again).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$HOME/.local/bin"
for icon in "$here"/share/icons/hicolor/*/apps/jgstudy.png; do
  size=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$data/icons/hicolor/$size/apps"
  cp "$icon" "$data/icons/hicolor/$size/apps/jgstudy.png"
done
sed "s|^Exec=jgstudy|Exec=\"$here/jgstudy\"|" "$here/share/applications/jgstudy.desktop" \
  > "$data/applications/jgstudy.desktop"
ln -sf "$here/jgstudy" "$HOME/.local/bin/jgstudy"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data/icons/hicolor" || true
echo "已安装：应用菜单中的“机关学习”，以及命令 ~/.local/bin/jgstudy"
