_kith_takes() { [[ " $vopts $_kith_gvopts " == *" $1 "* ]]; }

# Appends the candidates for TOKEN matching CUR to COMPREPLY.
_kith_fill() {
  local name prefix quote= k
  case $1 in
  '='*) local words=${1#=}; COMPREPLY+=($(compgen -W "${words//,/ }" -- "$2")) ;;
  files)
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY+=($(compgen -f -- "$2"))
    ;;
  contacts|events)
    # Outside quotes, readline replaces only what follows the last ':' of the word.
    local colons=
    case $2 in
    \"*|\'*) quote=${2:0:1} prefix=${2:1} ;;
    *) prefix=${2//\\/} colons=${2//[^:]/} ;;
    esac
    [[ $COMP_WORDBREAKS == *:* ]] || colons=
    while IFS= read -r name; do
      [[ -z $quote ]] && printf -v name '%q' "$name"
      for ((k = 0; k < ${#colons}; k++)); do name=${name#*:}; done
      COMPREPLY+=("$name")
    done < <("$_kith_cmd" "${_kith_args[@]}" __complete "$1" -- "$prefix" 2>/dev/null)
    ;;
  esac
}

# Bash splits words at the ':' of COMP_WORDBREAKS, so "Rust NYC: Async" arrives in pieces;
# sets words and cword to the line up to the cursor with those pieces joined again.
_kith_words() {
  local line=${COMP_LINE:0:COMP_POINT} rest w i
  words=()
  for ((i = 0; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    rest=${line#"${line%%[![:space:]]*}"}
    if ((i > 0)) && [[ $rest == "$line" && ($w == :* || ${COMP_WORDS[i-1]} == *:) ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
    line=${rest#"$w"}
  done
  cword=$((${#words[@]} - 1))
}

_kith() {
  local -a words _kith_args=()
  local cword cur prev kpath= w opt value subs opts vopts pos rep i=1 n=0 token=
  local _kith_cmd=${COMP_WORDS[0]} _kith_path _kith_token
  _kith_words
  cur=${words[cword]} prev=${words[cword-1]}
  [[ $_kith_cmd == '~/'* ]] && _kith_cmd=$HOME/${_kith_cmd:2}
  COMPREPLY=()
  _kith_node ''
  while ((i < cword)); do
    w=${words[i]}
    if [[ $w == -?* ]]; then
      opt=${w%%=*} value=
      if [[ $w == *=* ]]; then
        value=${w#*=}
      elif [[ ${words[i+1]} == = ]] && ((i + 2 < cword)); then
        value=${words[i+2]} i=$((i + 2))
      elif _kith_takes "$opt" && ((i + 1 < cword)); then
        value=${words[i+1]} i=$((i + 1))
      fi
      if [[ $opt == --db || $opt == --config ]]; then
        value=${value//\\/} value=${value#[\"\']} value=${value%[\"\']}
        [[ $value == '~/'* ]] && value=$HOME/${value:2}
        _kith_args+=("$opt" "$value")
      fi
    elif _kith_child "$kpath" "$w"; then
      kpath=$_kith_path n=0
      _kith_node "$kpath"
    else
      n=$((n + 1))
    fi
    i=$((i + 1))
  done
  opt=
  if [[ $cur == = && $prev == -?* ]]; then
    opt=$prev cur=
  elif [[ $prev == = ]] && ((cword > 2)); then
    opt=${words[cword-2]}
  elif [[ $prev == -?* ]] && _kith_takes "$prev"; then
    opt=$prev
  fi
  if [[ -n $opt ]]; then
    _kith_takes "$opt" || return 0
    _kith_values "$kpath" "$opt"
    _kith_fill "$_kith_token" "$cur"
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts $_kith_gopts" -- "$cur"))
    return 0
  fi
  COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  set -- $pos
  if ((n < $#)); then
    shift "$n"
    token=$1
  elif ((rep && $# > 0)); then
    token=${!#}
  fi
  [[ -n $token ]] && _kith_fill "$token" "$cur"
  return 0
}

complete -F _kith kith
