#!/usr/bin/env bash
# Generates the sample media of mock mode (covers, posters, short videos, lesson videos) and the
# tab-bar icons, locally with ImageMagick + ffmpeg + a CJK font. Run from anywhere: `npm run media`.
# Outputs are committed, so a clean install never needs these tools. Re-running rewrites the same
# bytes (stripped metadata, bit-exact muxing, single-threaded x264).
#
# Debian/Ubuntu: apt-get install ffmpeg imagemagick fonts-noto-cjk   (fonts-wqy-zenhei also works)
set -euo pipefail
export LC_ALL=C.UTF-8

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MEDIA=mock/media
TABBAR=src/assets/tabbar
FPS=12

die() { echo "make-media: $*" >&2; exit 1; }
need_hint='install them with: apt-get install ffmpeg imagemagick fonts-noto-cjk'

# --- tools ---------------------------------------------------------------------------------------
# ImageMagick 7 (`magick`) or 6 (`convert`); skip anything on PATH that is not really ImageMagick.
IM=''
for c in magick /usr/bin/convert convert; do
  p="$(command -v "$c" 2>/dev/null || true)"
  if [[ -n "$p" ]] && [[ "$("$p" -version 2>/dev/null || true)" == Version:\ ImageMagick* ]]; then IM="$p"; break; fi
done
[[ -n "$IM" ]] || die "ImageMagick not found; $need_hint"
command -v ffmpeg >/dev/null || die "ffmpeg not found; $need_hint"
command -v fc-match >/dev/null || die "fc-match (fontconfig) not found; $need_hint"
# (grep a variable, not a pipe: with pipefail, grep -q closing early fails the pipe)
FF_CAPS="$(ffmpeg -hide_banner -filters 2>/dev/null; ffmpeg -hide_banner -encoders 2>/dev/null)"
grep -q ' drawtext ' <<<"$FF_CAPS" || die "this ffmpeg lacks drawtext (libfreetype)"
grep -q ' libx264 ' <<<"$FF_CAPS" || die "this ffmpeg lacks libx264"

# A bold Simplified-Chinese face. By ImageMagick font name first (it resolves the right face of a
# .ttc collection through fontconfig); else a file fontconfig says covers zh-cn.
IM_FONTS="$("$IM" -list font 2>/dev/null | sed -n 's/^ *Font: //p')"
FONT=''
for name in Noto-Sans-CJK-SC-Bold Source-Han-Sans-SC-Bold Noto-Sans-CJK-SC Source-Han-Sans-SC \
  WenQuanYi-Zen-Hei WenQuanYi-Micro-Hei; do
  if grep -qx "$name" <<<"$IM_FONTS"; then FONT="$name"; break; fi
done
if [[ -z "$FONT" ]]; then
  for pat in 'Noto Sans CJK SC:style=Bold' 'Source Han Sans SC:style=Bold' 'WenQuanYi Zen Hei' ':lang=zh-cn'; do
    if fc-match -f '%{lang}' "$pat" | tr '|' '\n' | grep -qx 'zh-cn'; then FONT="$(fc-match -f '%{file}' "$pat")"; break; fi
  done
fi
[[ -n "$FONT" ]] || die "no Chinese font found; $need_hint"
# ffmpeg draws only digits and ':' / '/', which every face of a CJK collection has.
FFONT="$(fc-match -f '%{file}' 'Noto Sans CJK SC:style=Bold')"
[[ -f "$FFONT" ]] || FFONT="$(fc-match -f '%{file}' ':lang=zh-cn')"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$MEDIA/covers" "$MEDIA/posters" "$MEDIA/videos" "$TABBAR"

# --- content -------------------------------------------------------------------------------------
# id | title ('/' marks the line break) | palette | glyph
COVERS='
i001|政务公开/怎么做|navy|magnifier
i002|基础养老金/又涨了|orange|yuan
i003|高龄津贴/领取指南|teal|yuan
i004|医保异地/就医备案|blue|cross
i005|城乡居民/医保缴费|teal|cross
i006|创业担保/贷款贴息|orange|yuan
i007|灵活就业/社保补贴|blue|briefcase
i008|种粮补贴发放|teal|sprout
i009|学前教育资助|orange|book
i010|义务教育/入学招生|teal|book
i011|公租房申请|blue|house
i012|住房公积金/贷款提取|teal|house
i013|个体户/开办一件事|orange|briefcase
i014|稳岗返还/政策回顾|navy|briefcase
c001|读懂城乡居民/养老保险|blue|yuan
c002|医保政策十问|teal|cross
c003|乡村振兴/惠农政策课堂|orange|sprout
q001|民生政策/知识竞赛|orange|star
q002|医保知识/有奖问答|teal|cross
q003|反诈知识竞赛|navy|shield
q004|政务公开/知识竞赛|blue|magnifier
'
VIDEOS='
v001|政府信息公开/去哪儿查|navy|magnifier
v002|养老金又涨了/三步算清|orange|yuan
v003|高龄津贴/谁能领怎么领|teal|yuan
v004|异地就医备案/手机上办好|blue|cross
v005|城乡居民医保/开始缴费了|teal|cross
v006|创业担保贷款/了解一下|orange|yuan
v007|灵活就业社保/政府帮你补|blue|briefcase
v008|种粮补贴/钱怎么算|teal|sprout
v009|学前教育资助/一次说清|orange|book
v010|孩子上学/报名要准备啥|teal|book
v011|公租房申请/条件和流程|navy|house
v012|公积金付房租/线上就能办|teal|house
'
LESSONS='
lesson-1|第一课|政策要点/一图看懂|blue|book
lesson-2|第二课|办理流程/材料清单|teal|briefcase
lesson-3|第三课|常见问题/答疑解惑|orange|magnifier
'

# palette: gradient start, gradient end, accent (badge), soft (card header)
palette() {
  case "$1" in
    blue)   echo '#1a6ff0 #45a0ff #ffc53d #e6f1ff' ;;
    navy)   echo '#163f94 #2d78dc #36cfc9 #e3edfb' ;;
    teal)   echo '#0b9590 #3cc8bb #ffb020 #e0f7f4' ;;
    orange) echo '#f0701a #ffae4a #1a6ff0 #fff1e0' ;;
    *) die "unknown palette $1" ;;
  esac
}

# --- drawing (MVG snippets; each in its own local coordinates) -----------------------------------
# A white glyph centred on 0,0, about 44 px across.
glyph() {
  local s='stroke #ffffff stroke-width 6 stroke-linecap round stroke-linejoin round fill none'
  case "$1" in
    yuan) echo "$s line -12,-16 0,0 line 12,-16 0,0 line 0,0 0,18 line -11,2 11,2 line -11,10 11,10" ;;
    cross) echo "fill #ffffff roundrectangle -6,-19 6,19 3,3 roundrectangle -19,-6 19,6 3,3" ;;
    house) echo "fill #ffffff polygon -21,-2 0,-20 21,-2 roundrectangle -14,-4 14,19 2,2 fill none $s stroke-width 4 line -4,19 -4,9 line -4,9 4,9 line 4,9 4,19" ;;
    book) echo "fill #ffffff polygon -21,-14 -2,-9 -2,17 -21,12 polygon 21,-14 2,-9 2,17 21,12" ;;
    briefcase) echo "fill #ffffff roundrectangle -20,-9 20,17 4,4 $s stroke-width 4 roundrectangle -7,-16 7,-9 2,2" ;;
    sprout) echo "$s line 0,20 0,-4 fill #ffffff stroke none path 'M 0,-2 C -2,-16 -14,-20 -20,-16 C -18,-6 -8,-2 0,-2 Z' path 'M 0,4 C 2,-10 14,-14 20,-10 C 18,0 8,4 0,4 Z'" ;;
    magnifier) echo "$s circle -4,-4 -4,9 line 6,6 16,16" ;;
    shield) echo "fill #ffffff path 'M 0,-20 L 18,-13 L 18,0 C 18,10 10,17 0,21 C -10,17 -18,10 -18,0 L -18,-13 Z' fill none stroke-width 4 stroke-linecap round stroke-linejoin round stroke SHIELDTICK polyline -8,0 -2,6 9,-6" ;;
    star) echo "fill #ffffff polygon 0,-21 6,-7 21,-6 9,4 13,19 0,11 -13,19 -9,4 -21,-6 -6,-7" ;;
    *) die "unknown glyph $1" ;;
  esac
}

# badge: accent circle with the glyph, centred on 0,0
badge() { # accent glyph
  local g; g="$(glyph "$2")"; g="${g//SHIELDTICK/$1}"
  echo "fill rgba(0,0,0,0.12) stroke none circle 3,5 3,41 fill $1 stroke #ffffff stroke-width 4 circle 0,0 0,36 stroke none $g"
}

# A document card with a small bar chart (170×210), for interpretations.
doc_card() { # bg1 soft
  cat <<EOF
fill rgba(0,0,0,0.13) stroke none roundrectangle 8,10 178,220 16,16
fill #ffffff roundrectangle 0,0 170,210 16,16
fill $2 roundrectangle 0,0 170,48 16,16 rectangle 0,30 170,48
fill $1 roundrectangle 18,18 96,30 6,6
fill #dde6f2 roundrectangle 18,66 152,76 5,5 roundrectangle 18,88 140,98 5,5 roundrectangle 18,110 120,120 5,5
fill $1 roundrectangle 22,168 38,194 3,3 roundrectangle 48,154 64,194 3,3 roundrectangle 74,140 90,194 3,3
fill #dde6f2 rectangle 18,194 104,197
EOF
}

# A screen with a play button and a stand (200×150), for courses and lessons.
screen() { # bg1 soft
  cat <<EOF
fill rgba(0,0,0,0.13) stroke none roundrectangle 8,10 208,140 14,14
fill #ffffff roundrectangle 0,0 200,130 14,14
fill $2 roundrectangle 12,12 188,118 8,8
fill $1 circle 100,65 100,93
fill #ffffff polygon 92,51 92,79 115,65
fill #ffffff roundrectangle 88,130 112,146 2,2 roundrectangle 60,146 140,154 4,4
EOF
}

# A trophy with a question bubble (190×200), for quiz campaigns.
trophy() { # bg1 soft accent
  cat <<EOF
fill rgba(255,255,255,0.16) stroke none circle 95,92 95,2
fill rgba(0,0,0,0.13) roundrectangle 58,178 150,200 8,8
fill none stroke #ffd666 stroke-width 10 circle 42,62 42,88 circle 148,62 148,88
stroke none fill #ffd666 path 'M 40,20 L 150,20 L 150,70 C 150,110 125,130 95,130 C 65,130 40,110 40,70 Z'
fill #ffc53d path 'M 95,20 L 150,20 L 150,70 C 150,110 125,130 95,130 Z'
fill #ffd666 rectangle 84,128 106,156 roundrectangle 56,154 134,176 6,6
fill #ffffff polygon 95,46 101,60 116,61 104,70 108,85 95,77 82,85 86,70 74,61 89,60
EOF
}

# Background: diagonal gradient with soft circles and a dot grid.
background() { # w h c1 c2 out
  local w=$1 h=$2
  "$IM" -size "${w}x${h}" -define gradient:angle=135 "gradient:$3-$4" \
    -draw "fill rgba(255,255,255,0.08) circle $((w - 40)),40 $((w - 40)),$((40 + h / 2)) circle 60,$((h + 20)) 60,$((h * 2 / 3)) fill rgba(255,255,255,0.06) circle $((w * 3 / 5)),$((h - 30)) $((w * 3 / 5)),$((h - 100))" \
    -draw "fill rgba(255,255,255,0.22) $(for r in 0 1 2 3; do for c in 0 1 2 3 4; do printf 'circle %d,%d %d,%d ' $((w - 150 + c * 16)) $((24 + r * 16)) $((w - 150 + c * 16)) $((26 + r * 16)); done; done)" \
    "$5"
}

nchars() { local s="$1"; echo "${#s}"; }

# Draws a tag pill and a title block (lines split on '/') at x, vertically centred on cy.
# Prints ImageMagick arguments one per line (read with mapfile).
title_args() { # x cy title tag size
  local x=$1 cy=$2 title=$3 tag=$4 size=$5
  local tagsize=$((size * 2 / 5 < 15 ? 15 : size * 2 / 5))
  local lh=$((size * 13 / 10)) pillh=$((tagsize + 14))
  local IFS='/'; local -a lines; read -ra lines <<<"$title"; unset IFS
  local n=${#lines[@]}
  local blockh=$((pillh + 16 + n * lh + 12 + 6))
  local y=$((cy - blockh / 2))
  local pillw=$(($(nchars "$tag") * tagsize + 24))
  echo "-draw"; echo "fill rgba(255,255,255,0.22) roundrectangle $x,$y $((x + pillw)),$((y + pillh)) $((pillh / 2)),$((pillh / 2))"
  echo "-fill"; echo "#ffffff"; echo "-font"; echo "$FONT"
  echo "-pointsize"; echo "$tagsize"; echo "-annotate"; echo "+$((x + 12))+$((y + 5 - tagsize / 8))"; echo "$tag"
  y=$((y + pillh + 16))
  echo "-pointsize"; echo "$size"
  local l
  for l in "${lines[@]}"; do
    echo "-annotate"; echo "+$((x - 2))+$((y - size / 8))"; echo "$l"
    y=$((y + lh))
  done
  echo "-draw"; echo "fill ACCENT roundrectangle $x,$((y + 10)) $((x + 44)),$((y + 16)) 3,3"
}

# illustration: motif placed with translate/scale
motif() { # kind bg1 soft accent glyph tx ty scale
  local body bx by
  case "$1" in
    doc) body="$(doc_card "$2" "$3")"; bx=160; by=196 ;;
    screen) body="$(screen "$2" "$3")"; bx=186; by=118 ;;
    trophy) body="$(trophy "$2" "$3" "$4")"; bx=166; by=150 ;;
  esac
  echo "push graphic-context translate $6,$7 scale $8,$8 $body push graphic-context translate $bx,$by $(badge "$4" "$5") pop graphic-context pop graphic-context"
}

jpeg() { "$IM" "$1" -strip -sampling-factor 4:2:0 -interlace Plane -quality "${3:-70}" "$2"; }

# Landscape 640×360 frame: text on the left, motif on the right.
landscape() { # out title tag palette glyph kind
  local c1 c2 acc soft
  read -r c1 c2 acc soft <<<"$(palette "$4")"
  background 640 360 "$c1" "$c2" "$TMP/bg.png"
  local -a targs; mapfile -t targs < <(title_args 44 170 "$2" "$3" 40)
  targs=("${targs[@]//ACCENT/$acc}")
  local mv
  case "$6" in
    doc) mv="$(motif doc "$c1" "$soft" "$acc" "$5" 418 62 1)" ;;
    screen) mv="$(motif screen "$c1" "$soft" "$acc" "$5" 392 92 1)" ;;
    trophy) mv="$(motif trophy "$c1" "$soft" "$acc" "$5" 410 84 1)" ;;
  esac
  "$IM" "$TMP/bg.png" -gravity NorthWest "${targs[@]}" \
    -fill 'rgba(255,255,255,0.78)' -pointsize 16 -annotate +44+306 '台州市 · 政策通' \
    -draw "$mv" "$1"
}

# Portrait 360×640 frame: text on top, motif in the middle, footer left for the player chrome.
portrait() { # out title tag palette glyph
  local c1 c2 acc soft
  read -r c1 c2 acc soft <<<"$(palette "$4")"
  background 360 640 "$c1" "$c2" "$TMP/bg.png"
  local -a targs; mapfile -t targs < <(title_args 28 150 "$2" "$3" 34)
  targs=("${targs[@]//ACCENT/$acc}")
  "$IM" "$TMP/bg.png" -gravity NorthWest "${targs[@]}" \
    -draw "$(motif doc "$c1" "$soft" "$acc" "$5" 88 282 1.05)" \
    -fill 'rgba(255,255,255,0.78)' -pointsize 16 -annotate +28+566 '台州 · 政策通' "$1"
}

# Poster chrome over a frame: a play button at cx,cy (none when cx is empty) and a duration badge
# at the right.
poster() { # in out cx cy duration badge-y
  local w play='push graphic-context pop graphic-context'
  w="$("$IM" "$1" -format '%w' info:)"
  [[ -z "$3" ]] || play="fill rgba(0,0,0,0.35) circle $3,$4 $3,$(($4 + 34)) fill #ffffff polygon $(($3 - 10)),$(($4 - 16)) $(($3 - 10)),$(($4 + 16)) $(($3 + 17)),$4"
  "$IM" "$1" -draw "$play" \
    -gravity NorthWest -draw "fill rgba(0,0,0,0.35) roundrectangle $((w - 84)),$6 $((w - 20)),$(($6 + 26)) 13,13" \
    -fill '#ffffff' -font "$FONT" -pointsize 15 -annotate "+$((w - 74))+$(($6 + 2))" "$5" "$2"
}

# Video: the frame, a progress bar filling over the duration and an mm:ss counter; quiet AAC.
# One keyframe every `gop` seconds: the frames barely change, so keyframes are most of the bytes.
video() { # frame out seconds barx bary barw counterx countery gop
  local d=$3 bx=$4 by=$5 bw=$6 g=$(($9 * FPS))
  printf '00:%%{eif:trunc(t):d:2} / 00:%02d' "$d" >"$TMP/counter.txt"
  ffmpeg -nostdin -loglevel error -y \
    -loop 1 -framerate "$FPS" -t "$d" -i "$1" \
    -f lavfi -t "$d" -i "aevalsrc=0.03*sin(2*PI*660*t)*lt(t\,0.4):s=16000:c=mono" \
    -filter_complex "color=c=0xffffff@0.35:s=${bw}x6:r=$FPS:d=$d,format=yuva420p[track];color=c=0xffffff:s=${bw}x6:r=$FPS:d=${d}[bar];[track][bar]overlay=x='-w+w*t/$d':eval=frame:shortest=1[prog];[0:v][prog]overlay=$bx:$by:shortest=1,drawtext=fontfile=$FFONT:textfile=$TMP/counter.txt:fontsize=15:fontcolor=white:x=$7:y=$8,format=yuv420p[v]" \
    -map '[v]' -map 1:a \
    -c:v libx264 -profile:v main -preset veryslow -crf 30 -tune stillimage -threads 1 \
    -g "$g" -keyint_min "$g" -sc_threshold 0 \
    -c:a aac -ac 1 -ar 16000 -b:a 12k \
    -t "$d" -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    "$2"
}

# --- covers --------------------------------------------------------------------------------------
while IFS='|' read -r id title pal gl; do
  [[ -n "$id" ]] || continue
  case "$id" in
    i*) tag='政策解读'; kind=doc ;;
    c*) tag='网络课堂'; kind=screen ;;
    q*) tag='有奖竞答'; kind=trophy ;;
  esac
  landscape "$TMP/frame.png" "$title" "$tag" "$pal" "$gl" "$kind"
  jpeg "$TMP/frame.png" "$MEDIA/covers/$id.jpg"
done <<<"$COVERS"

# --- short videos (portrait) ---------------------------------------------------------------------
while IFS='|' read -r id title pal gl; do
  [[ -n "$id" ]] || continue
  portrait "$TMP/frame.png" "$title" '政策短视频' "$pal" "$gl"
  # the bare frame: the player draws the one play button, the app the duration it reads from the
  # file (a button drawn into the picture stacked a second, untappable one under the player's)
  jpeg "$TMP/frame.png" "$MEDIA/posters/$id.jpg"
  video "$TMP/frame.png" "$MEDIA/videos/$id.mp4" 12 28 608 304 240 562 6
done <<<"$VIDEOS"

# --- lessons (landscape) -------------------------------------------------------------------------
while IFS='|' read -r id tag title pal gl; do
  [[ -n "$id" ]] || continue
  landscape "$TMP/frame.png" "$title" "$tag" "$pal" "$gl" screen
  poster "$TMP/frame.png" "$TMP/poster.png" '' '' '00:30' 18
  jpeg "$TMP/poster.png" "$MEDIA/posters/$id.jpg"
  video "$TMP/frame.png" "$MEDIA/videos/$id.mp4" 30 44 340 552 500 302 10
done <<<"$LESSONS"

# --- tab-bar icons (81×81, transparent, line style) ----------------------------------------------
tab_glyph() {
  case "$1" in
    home) echo "polyline 12,39 40.5,15 69,39 roundrectangle 20,33 61,67 5,5 line 34,67 34,52 line 34,52 47,52 line 47,52 47,67" ;;
    interp) echo "path 'M 40.5,24 C 32,17 21,16 12,18 L 12,62 C 21,60 32,61 40.5,68 C 49,61 60,60 69,62 L 69,18 C 60,16 49,17 40.5,24 Z' line 40.5,24 40.5,66" ;;
    video) echo "roundrectangle 12,16 69,65 11,11 fill COLOR polygon 34,29 34,52 53,40.5" ;;
    quiz) echo "circle 40.5,40.5 40.5,12 polyline 27,41 37,51 55,31" ;;
    mine) echo "circle 40.5,28 40.5,13 path 'M 14,69 C 14,53 26,45 40.5,45 C 55,45 67,53 67,69'" ;;
  esac
}
for name in home interp video quiz mine; do
  for variant in normal active; do
    if [[ $variant == normal ]]; then color='#8a8f99'; out="$TABBAR/$name.png"; else color='#1677ff'; out="$TABBAR/$name-active.png"; fi
    g="$(tab_glyph "$name")"; g="${g//COLOR/$color}"
    "$IM" -size 81x81 xc:none -draw "fill none stroke $color stroke-width 5.5 stroke-linecap round stroke-linejoin round $g" \
      -strip -define png:compression-level=9 -define png:exclude-chunks=date,time "PNG32:$out"
  done
done

# --- checks and summary --------------------------------------------------------------------------
fail=0
check() { # file max-bytes
  local b; b=$(stat -c %s "$1")
  if ((b > $2)); then echo "  TOO BIG: $1 $b > $2" >&2; fail=1; fi
}
for f in "$MEDIA"/covers/*.jpg "$MEDIA"/posters/*.jpg; do check "$f" 25600; done
for f in "$MEDIA"/videos/v*.mp4; do check "$f" 81920; done
for f in "$MEDIA"/videos/lesson-*.mp4; do check "$f" 153600; done
for f in "$TABBAR"/*.png; do check "$f" 3072; done

summary() { # label files...
  local label=$1; shift
  printf '  %-8s %2d files %7.1f KB\n' "$label" $# "$(du -cb "$@" | tail -1 | awk '{print $1/1024}')"
}
im_v="$("$IM" -version)"; im_v="${im_v#Version: ImageMagick }"; im_v="${im_v%% *}"
ff_v="$(ffmpeg -version)"; ff_v="${ff_v#ffmpeg version }"; ff_v="${ff_v%% *}"
echo "make-media: ImageMagick $im_v, ffmpeg $ff_v, font $FONT"
summary covers "$MEDIA"/covers/*.jpg
summary posters "$MEDIA"/posters/*.jpg
summary videos "$MEDIA"/videos/*.mp4
summary tabbar "$TABBAR"/*.png
total=$(du -cb "$MEDIA"/covers/*.jpg "$MEDIA"/posters/*.jpg "$MEDIA"/videos/*.mp4 "$TABBAR"/*.png | tail -1 | cut -f1)
echo "  total             $(awk -v b="$total" 'BEGIN{printf "%7.1f KB", b/1024}') (budget 2048 KB)"
((total <= 2 * 1024 * 1024)) || { echo "  OVER BUDGET" >&2; fail=1; }
exit $fail
