# Sourced by the set-up scripts: apt_install WHO WHAT PACKAGE… installs Debian packages with
# apt-get (through sudo when not root), or exits 69 (EX_UNAVAILABLE) naming WHAT when apt-get
# is not there. WHO prefixes the messages ("setup", "check").
apt_install() {
  local who=$1 what=$2
  shift 2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$who: please install $what; apt-get is not available here" >&2
    exit 69
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "$who: installing $* with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
