_kith_takes() { (( ${vopts[(Ie)$1]} || ${_kith_gvopts[(Ie)$1]} )); }

# Adds the candidates for TOKEN.
_kith_fill() {
  case $1 in
  ('='*) local -a vals; vals=(${(s:,:)1#=}); compadd -a vals ;;
  (files) _files ;;
  (contacts|events)
    local -a names
    names=(${(f)"$($kcmd $kargs __complete $1 -- ${(Q)PREFIX} 2>/dev/null)"})
    compadd -U -a names ;;
  (*) return 1 ;;
  esac
}

_kith() {
  local kpath= w opt value token= kcmd=${words[1]} _kith_path _kith_token
  local -i i=2 n=0 rep=0
  local -a subs opts vopts pos kargs all
  [[ $kcmd == '~/'* ]] && kcmd=$HOME/${kcmd#'~/'}
  _kith_node ''
  while (( i < CURRENT )); do
    w=${words[i]}
    if [[ $w == -?* ]]; then
      opt=${w%%=*} value=
      if [[ $w == *=* ]]; then
        value=${w#*=}
      elif _kith_takes $opt && (( i + 1 < CURRENT )); then
        value=${words[i+1]}
        (( i++ ))
      fi
      if [[ $opt == --db || $opt == --config ]]; then
        value=${(Q)value}
        [[ $value == '~/'* ]] && value=$HOME/${value#'~/'}
        kargs+=($opt $value)
      fi
    elif _kith_child "$kpath" "$w"; then
      kpath=$_kith_path n=0
      _kith_node "$kpath"
    else
      (( n++ ))
    fi
    (( i++ ))
  done
  opt=
  if [[ $PREFIX == -?*=* ]]; then
    opt=${PREFIX%%=*}
    compset -P '*='
  elif (( CURRENT > 2 )) && [[ ${words[CURRENT-1]} == -?* ]] && _kith_takes ${words[CURRENT-1]}; then
    opt=${words[CURRENT-1]}
  fi
  if [[ -n $opt ]]; then
    _kith_takes $opt || return 1
    _kith_values "$kpath" $opt
    _kith_fill $_kith_token
    return
  fi
  if [[ $PREFIX == -* ]]; then
    all=($opts $_kith_gopts)
    _describe -t options option all
    return
  fi
  local ret=1
  (( $#subs )) && _describe -t commands command subs && ret=0
  if (( n < $#pos )); then
    token=${pos[n+1]}
  elif (( rep && $#pos )); then
    token=${pos[-1]}
  fi
  [[ -n $token ]] && _kith_fill $token && ret=0
  return $ret
}

if [[ $funcstack[1] == _kith ]]; then
  _kith "$@"
else
  compdef _kith kith
fi
