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
