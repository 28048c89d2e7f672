// kith completion bash|zsh|fish, and the hidden `kith __complete contacts|events [PREFIX]`
// that the scripts call for names. The scripts are generated from the command tree as it is
// when they are printed, so a new command, option or choice completes without edits here.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "commands/commands.hpp"
#include "kith/domain/fold.hpp"
#include "kith/storage/contact_store.hpp"
#include "kith/storage/event_store.hpp"
#include "version.hpp"

namespace kith::cli {

namespace {

// What completes an argument, as a token the scripts understand: "contacts", "events",
// "files", "none", or "=a,b,c" for a fixed set of values.
using Token = std::string;

struct OptionSpec {
  std::vector<std::string> names;  // "-e", "--email"
  Token value;                     // empty for a flag
  std::string help;
};

// One command of the tree, by its path of canonical names ("" is kith itself).
struct CommandSpec {
  std::string path;
  std::vector<std::string> words;  // the name and the aliases that select it from its parent
  std::string help;
  std::vector<std::pair<std::string, std::string>> children;  // name, help
  std::vector<OptionSpec> options;
  std::vector<Token> positionals;
  bool last_repeats = false;  // the last positional takes many words (log REF...)
};

// The placeholder names that say what an argument refers to, whatever the command.
const std::map<std::string, Token, std::less<>> k_kinds{
    {"REF", "contacts"}, {"KEEP", "contacts"}, {"OTHER", "contacts"}, {"EVENT", "events"},
    {"FILE", "files"},   {"PATH", "files"},    {"DIR", "files"}};

// An IsMember validator describes its set as "{a,b,c}", which CLI11 appends to the type
// name ("WHEN:{auto,always,never}"): read the choices from there, so they have one source.
Token token_for(const CLI::Option& option, const std::string& placeholder) {
  std::string type = option.get_type_name();
  auto open = type.rfind(":{");
  if (open != std::string::npos && type.back() == '}') {
    return "=" + type.substr(open + 2, type.size() - open - 3);
  }
  auto kind = k_kinds.find(placeholder);
  return kind == k_kinds.end() ? "none" : kind->second;
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

void collect(const CLI::App& app, const std::string& path, std::vector<CommandSpec>& out) {
  CommandSpec spec{path, {app.get_name()}, one_line(app.get_description()), {}, {}, {}, false};
  for (const auto& alias : app.get_aliases()) spec.words.push_back(alias);
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional()) {
      spec.positionals.push_back(token_for(*option, option->get_single_name()));
      spec.last_repeats = option->get_items_expected_max() > 1;
      continue;
    }
    OptionSpec o;
    for (const auto& s : option->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : option->get_lnames()) o.names.push_back("--" + l);
    if (option->get_expected_max() != 0) {
      std::string type = option->get_type_name();
      o.value = token_for(*option, type.substr(0, type.find(':')));
    }
    o.help = one_line(option->get_description());
    spec.options.push_back(std::move(o));
  }
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name().starts_with("_")) continue;  // helpers such as __complete
    spec.children.emplace_back(sub->get_name(), one_line(sub->get_description()));
    subs.push_back(sub);
  }
  out.push_back(std::move(spec));
  for (const CLI::App* sub : subs) {
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

// The tree, kith itself first; its options are the global ones, accepted at every level.
struct Tree {
  std::vector<CommandSpec> commands;
  std::set<std::string> global_names;

  const std::vector<OptionSpec>& globals() const { return commands.front().options; }
  bool global(const OptionSpec& o) const { return global_names.contains(o.names.back()); }
};

Tree walk(const CLI::App& root) {
  Tree tree;
  collect(root, "", tree.commands);
  for (const auto& o : tree.globals()) tree.global_names.insert(o.names.begin(), o.names.end());
  return tree;
}

// A word for bash and zsh, single-quoted.
std::string sh(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string fish(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

template <typename F>
std::string join(const std::vector<std::string>& items, F quote, const char* separator = " ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + quote(item);
  return out;
}

std::string plain(const std::string& text) { return text; }

std::vector<std::string> option_names(const Tree& tree, const CommandSpec& c, bool values_only) {
  std::vector<std::string> out;
  for (const auto& o : c.options) {
    if (tree.global(o) || (values_only && o.value.empty())) continue;
    out.insert(out.end(), o.names.begin(), o.names.end());
  }
  return out;
}

std::vector<std::string> global_names(const Tree& tree, bool values_only) {
  std::vector<std::string> out;
  for (const auto& o : tree.globals()) {
    if (!values_only || !o.value.empty()) out.insert(out.end(), o.names.begin(), o.names.end());
  }
  return out;
}

// The case labels mapping "PARENT|WORD" to a child's path, and "PATH|OPTION" to a token;
// the same text serves bash and zsh.
template <typename Emit>
void for_each_child(const Tree& tree, Emit emit) {
  for (const auto& c : tree.commands) {
    if (c.path.empty()) continue;
    auto space = c.path.rfind(' ');
    std::string parent = space == std::string::npos ? "" : c.path.substr(0, space);
    std::vector<std::string> labels;
    for (const auto& w : c.words) labels.push_back(parent + "|" + w);
    emit(labels, c.path);
  }
}

template <typename Emit>
void for_each_value(const Tree& tree, Emit emit) {
  for (const auto& c : tree.commands) {
    for (const auto& o : c.options) {
      if (c.path.empty() || tree.global(o) || o.value.empty() || o.value == "none") continue;
      std::vector<std::string> labels;
      for (const auto& n : o.names) labels.push_back(c.path + "|" + n);
      emit(labels, o.value, false);
    }
  }
  for (const auto& o : tree.globals()) {
    if (o.value.empty() || o.value == "none") continue;
    std::vector<std::string> labels;
    for (const auto& n : o.names) labels.push_back("|" + n);
    emit(labels, o.value, true);
  }
}

std::string labels_sh(const std::vector<std::string>& labels, bool any_path) {
  return join(
      labels, [any_path](const std::string& l) { return (any_path ? "*" : "") + sh(l); }, "|");
}

constexpr const char* k_bash_runtime = R"BASH(
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
)BASH";

void print_bash(std::ostream& out, const Tree& tree) {
  out << "# bash completion for kith " << k_version
      << ", generated by `kith completion bash`.\n"
         "# Load it with: source <(kith completion bash)\n\n"
      << "_kith_gopts=" << sh(join(global_names(tree, false), plain)) << '\n'
      << "_kith_gvopts=" << sh(join(global_names(tree, true), plain)) << "\n\n"
      << "# Sets what the command at PATH accepts: subcommands, options, options taking a\n"
         "# value, and what each positional argument is (the last repeats when rep=1).\n"
         "_kith_node() {\n  case $1 in\n";
  for (const auto& c : tree.commands) {
    std::vector<std::string> children;
    for (const auto& child : c.children) children.push_back(child.first);
    out << "  " << sh(c.path) << ") subs=" << sh(join(children, plain))
        << " opts=" << sh(join(option_names(tree, c, false), plain))
        << " vopts=" << sh(join(option_names(tree, c, true), plain))
        << " pos=" << sh(join(c.positionals, plain)) << " rep=" << (c.last_repeats ? 1 : 0)
        << " ;;\n";
  }
  out << "  esac\n}\n\n# Sets _kith_path to the command that the word WORD selects under PATH.\n"
         "_kith_child() {\n  case \"$1|$2\" in\n";
  for_each_child(tree, [&](const auto& labels, const std::string& path) {
    out << "  " << labels_sh(labels, false) << ") _kith_path=" << sh(path) << " ;;\n";
  });
  out << "  *) return 1 ;;\n  esac\n}\n\n"
         "# Sets _kith_token to what completes the value of OPTION under PATH.\n"
         "_kith_values() {\n  case \"$1|$2\" in\n";
  for_each_value(tree, [&](const auto& labels, const Token& token, bool any_path) {
    out << "  " << labels_sh(labels, any_path) << ") _kith_token=" << sh(token) << " ;;\n";
  });
  out << "  *) _kith_token=none ;;\n  esac\n}\n" << k_bash_runtime;
}

constexpr const char* k_zsh_runtime = R"ZSH(
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
)ZSH";

// "name:help" items for zsh's _describe.
std::string described(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string out;
  for (const auto& [name, help] : items) {
    std::string escaped;
    for (char c : name) escaped += c == ':' ? std::string("\\:") : std::string(1, c);
    out += (out.empty() ? "" : " ") + sh(escaped + ":" + help);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> option_items(const std::vector<OptionSpec>& os,
                                                              const Tree* skip_globals) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& o : os) {
    if (skip_globals && skip_globals->global(o)) continue;
    for (const auto& n : o.names) out.emplace_back(n, o.help);
  }
  return out;
}

void print_zsh(std::ostream& out, const Tree& tree) {
  out << "#compdef kith\n# zsh completion for kith " << k_version
      << ", generated by `kith completion zsh`.\n"
         "# Load it with: source <(kith completion zsh), or save it as _kith in your $fpath.\n\n"
      << "_kith_gopts=(" << described(option_items(tree.globals(), nullptr)) << ")\n"
      << "_kith_gvopts=(" << join(global_names(tree, true), sh) << ")\n\n"
      << "_kith_node() {\n  case $1 in\n";
  for (const auto& c : tree.commands) {
    out << "  (" << sh(c.path) << ") subs=(" << described(c.children) << "); opts=("
        << described(option_items(c.options, &tree)) << "); vopts=("
        << join(option_names(tree, c, true), sh) << "); pos=(" << join(c.positionals, sh)
        << "); rep=" << (c.last_repeats ? 1 : 0) << " ;;\n";
  }
  out << "  esac\n}\n\n_kith_child() {\n  case \"$1|$2\" in\n";
  for_each_child(tree, [&](const auto& labels, const std::string& path) {
    out << "  (" << labels_sh(labels, false) << ") _kith_path=" << sh(path) << " ;;\n";
  });
  out << "  (*) return 1 ;;\n  esac\n}\n\n_kith_values() {\n  case \"$1|$2\" in\n";
  for_each_value(tree, [&](const auto& labels, const Token& token, bool any_path) {
    out << "  (" << labels_sh(labels, any_path) << ") _kith_token=" << sh(token) << " ;;\n";
  });
  out << "  (*) _kith_token=none ;;\n  esac\n}\n" << k_zsh_runtime;
}

constexpr const char* k_fish_runtime = R"FISH(
function __kith_takes --argument-names o
    contains -- $o $__kith_vopts $__kith_gvopts
end

# Prints the candidates for TOKEN matching CUR, each after PRE (--option=).
function __kith_fill --argument-names token cur pre
    switch $token
        case '=*'
            for w in (string split , -- (string sub -s 2 -- $token))
                printf '%s\n' $pre$w
            end
        case files
            for f in (__fish_complete_path $cur)
                printf '%s\n' $pre$f
            end
        case contacts events
            for name in (command $__kith_cmd $__kith_args __complete $token -- $cur 2>/dev/null)
                printf '%s\n' $pre$name
            end
    end
end

function __kith_complete
    set -l -- tokens (commandline -opc)
    set -l -- cur (commandline -ct)
    set -l kpath ''
    set -l n 0
    set -l i 2
    set -g -- __kith_cmd $tokens[1]
    set -g __kith_args
    __kith_node ''
    while test $i -le (count $tokens)
        set -l -- w $tokens[$i]
        if string match -q -- '-?*' $w
            set -l -- opt (string replace -r -- '=.*' '' $w)
            set -l value
            if string match -q -- '*=*' $w
                set -- value (string replace -r -- '^[^=]*=' '' $w)
            else if __kith_takes $opt; and test $i -lt (count $tokens)
                set i (math $i + 1)
                set -- value $tokens[$i]
            end
            if contains -- $opt --db --config
                set -g -a -- __kith_args $opt $value
            end
        else
            set -l child (__kith_child "$kpath" $w)
            if test -n "$child"
                set kpath $child
                set n 0
                __kith_node "$kpath"
            else
                set n (math $n + 1)
            end
        end
        set i (math $i + 1)
    end
    set -l opt ''
    set -l pre ''
    if string match -q -- '-?*=*' "$cur"
        set -- opt (string replace -r -- '=.*' '' "$cur")
        set -- pre "$opt="
        set -- cur (string replace -r -- '^[^=]*=' '' "$cur")
    else if test (count $tokens) -ge 2; and string match -q -- '-?*' $tokens[-1]; and __kith_takes $tokens[-1]
        set -- opt $tokens[-1]
    end
    if test -n "$opt"
        __kith_takes $opt; or return
        __kith_fill (__kith_values "$kpath" $opt) "$cur" "$pre"
        return
    end
    if string match -q -- '-*' "$cur"
        for o in $__kith_opts $__kith_gopts
            printf '%s\n' $o
        end
        return
    end
    for s in $__kith_subs
        printf '%s\n' $s
    end
    set -l token none
    if test $n -lt (count $__kith_pos)
        set token $__kith_pos[(math $n + 1)]
    else if test $__kith_rep = 1; and test (count $__kith_pos) -gt 0
        set token $__kith_pos[-1]
    end
    __kith_fill $token "$cur" ''
end

complete -c kith -e
complete -c kith -f -a '(__kith_complete)'
)FISH";

std::string fish_items(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string out;
  for (const auto& [name, help] : items) {
    out += " " + fish(name) + (help.empty() ? "" : "\\t" + fish(help));
  }
  return out;
}

void print_fish(std::ostream& out, const Tree& tree) {
  out << "# fish completion for kith " << k_version
      << ", generated by `kith completion fish`.\n"
         "# Load it with: kith completion fish | source\n\n"
      << "set -g -- __kith_gopts" << fish_items(option_items(tree.globals(), nullptr)) << '\n'
      << "set -g -- __kith_gvopts " << join(global_names(tree, true), fish) << "\n\n"
      << "function __kith_node --argument-names p\n"
         "    set -g __kith_subs\n    set -g __kith_opts\n    set -g __kith_vopts\n"
         "    set -g __kith_pos\n    set -g __kith_rep 0\n    switch $p\n";
  for (const auto& c : tree.commands) {
    out << "        case " << fish(c.path) << '\n';
    if (!c.children.empty())
      out << "            set -g __kith_subs" << fish_items(c.children) << '\n';
    auto opts = option_items(c.options, &tree);
    if (!opts.empty()) out << "            set -g -- __kith_opts" << fish_items(opts) << '\n';
    auto vopts = option_names(tree, c, true);
    if (!vopts.empty()) out << "            set -g -- __kith_vopts " << join(vopts, fish) << '\n';
    if (!c.positionals.empty()) {
      out << "            set -g __kith_pos " << join(c.positionals, fish) << '\n';
    }
    if (c.last_repeats) out << "            set -g __kith_rep 1\n";
  }
  out << "    end\nend\n\nfunction __kith_child --argument-names p w\n    switch \"$p|$w\"\n";
  for_each_child(tree, [&](const auto& labels, const std::string& path) {
    out << "        case " << join(labels, fish) << "\n            echo " << fish(path) << '\n';
  });
  out << "    end\nend\n\nfunction __kith_values --argument-names p o\n    switch \"$p|$o\"\n";
  for_each_value(tree, [&](const auto& labels, const Token& token, bool any_path) {
    out << "        case "
        << join(labels,
                [any_path](const std::string& l) { return fish((any_path ? "*" : "") + l); })
        << "\n            echo " << fish(token) << '\n';
  });
  out << "        case '*'\n            echo none\n    end\nend\n" << k_fish_runtime;
}

// Contact or event names starting with `prefix`, compared folded ("jo" finds "José").
// Completion is silent: a missing, unreadable or foreign journal completes nothing.
void print_names(Context& ctx, const std::string& kind, const std::string& prefix) {
  constexpr int k_limit = 100000;
  std::vector<std::string> names;
  try {
    std::string key = fold(prefix);
    auto keep = [&](const std::string& name) {
      if (fold(name).starts_with(key)) names.push_back(name);
    };
    Journal& journal = ctx.journal(Journal::Access::read, true);
    journal.read([&] {
      if (kind == "contacts") {
        for (const auto& c : ContactStore(journal).names_containing(key, k_limit)) keep(c.name);
      } else if (kind == "events") {
        for (const auto& e : EventStore(journal).names_containing(key, k_limit)) keep(e.name);
      }
    });
  } catch (...) {
    return;
  }
  std::set<std::string> seen;
  for (const auto& name : names) {
    if (seen.insert(name).second) ctx.out() << name << '\n';
  }
}

}  // namespace

void add_completion_command(CLI::App& app, Context& ctx) {
  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand("completion", "Print a shell completion script");
  completion->fallthrough();
  completion->add_option("SHELL", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->footer(
      "Examples:\n"
      "  source <(kith completion bash)        # in ~/.bashrc\n"
      "  source <(kith completion zsh)         # in ~/.zshrc, after compinit\n"
      "  kith completion fish | source         # in ~/.config/fish/config.fish\n"
      "The Debian package installs all three; nothing to do there.");
  completion->callback([&app, &ctx, shell] {
    ctx.action = [&app, &ctx, shell] {
      Tree tree = walk(app);
      if (*shell == "bash") print_bash(ctx.out(), tree);
      if (*shell == "zsh") print_zsh(ctx.out(), tree);
      if (*shell == "fish") print_fish(ctx.out(), tree);
    };
  });

  auto kind = std::make_shared<std::string>();
  auto prefix = std::make_shared<std::string>();
  auto* helper = app.add_subcommand("__complete", "Names for shell completion, one a line");
  helper->group("");
  helper->fallthrough();
  helper->add_option("KIND", *kind, "contacts or events")->required();
  helper->add_option("PREFIX", *prefix, "The start of the name, in any case and accents");
  helper->callback([&ctx, kind, prefix] {
    ctx.action = [&ctx, kind, prefix] { print_names(ctx, *kind, *prefix); };
  });
}

}  // namespace kith::cli
