# bash completion for chorus                                  -*- shell-script -*-
#
# Subcommands, their options and option values; host names from ssh_config (Host entries without
# wildcards, simple Includes followed) and from the saved profiles; @groups and @tag:TAG. The saved
# profiles come from the program itself (`chorus hosts list --names`), never from its files.
# Installed as share/bash-completion/completions/chorus; needs nothing from bash-completion.
#
# Keep the option lists in step with each subcommand's --help: tests/package/test_completion.py
# fails, naming the option, when one is missing.

# Options that take a value, and every option, per subcommand. Host options are run's, push's
# and pull's (app/cli/hostoptions.cpp, app/cli/hostcommand.cpp).
_chorus_host_valued='-w --hosts -H --hosts-file -x --exclude --pick -F --ssh-config -O --option -l --user
    --connect-timeout --host-keys -f --fanout --threads'
_chorus_host_flags='-h --help --help-all --version -v --verbose'
_chorus_run_valued="$_chorus_host_valued -t --timeout -o --output-dir --repeat --script --env"
_chorus_run_flags="$_chorus_host_flags -b --gather --diff --matrix --json --sudo -n --no-stdin -N --no-prefix -q --quiet
    --tty --fail-fast"
_chorus_transfer_valued="$_chorus_host_valued --overwrite --checksum-command --stall-timeout --max-depth
    --max-folder-entries --max-entries"
_chorus_transfer_flags="$_chorus_host_flags --checksum -r --recursive --json"
_chorus_top_valued='--screenshots --theme'
_chorus_top_flags='-h --help --help-all -v --version --demo'
_chorus_commands='run push pull hosts history config'

# Adds to COMPREPLY, after $_chorus_before, every argument that starts with $_chorus_item.
_chorus_add()
{
    local c
    for c; do
        [[ $c == "$_chorus_item"* ]] && COMPREPLY+=("$_chorus_before$c")
    done
}

# Reads lines from stdin and adds them as _chorus_add does.
_chorus_add_lines()
{
    local line
    while IFS= read -r line; do
        [[ -n $line ]] && _chorus_add "$line"
    done
}

# Host names in ssh_config files: Host entries without patterns. $1: Include depth, then files.
_chorus_ssh_hosts_in()
{
    local depth=$1 file line key rest name base inc
    local -a names includes
    shift
    ((depth > 8)) && return # an Include loop
    for file; do
        [[ -f $file && -r $file ]] || continue
        # Relative Includes: ~/.ssh for a user's file, /etc/ssh for the system's (as ssh).
        base=~/.ssh
        [[ $file == /etc/ssh/* ]] && base=/etc/ssh
        while IFS= read -r line || [[ -n $line ]]; do
            [[ $line =~ ^[[:space:]]*([A-Za-z]+)[[:space:]]*[=[:space:]][[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]] || continue
            key=${BASH_REMATCH[1],,}
            rest=${BASH_REMATCH[2]}
            if [[ $key == host ]]; then
                read -ra names <<<"$rest"
                for name in "${names[@]}"; do
                    name=${name//\"/}
                    [[ -n $name && $name != *[*?!]* ]] && printf '%s\n' "$name"
                done
            elif [[ $key == include ]]; then
                read -ra includes <<<"$rest"
                for inc in "${includes[@]}"; do
                    inc=${inc//\"/}
                    [[ $inc == "~/"* ]] && inc=$HOME/${inc#"~/"}
                    [[ $inc == /* ]] || inc=$base/$inc
                    local -a found=()
                    mapfile -t found < <(compgen -G "$inc")
                    ((${#found[@]})) && _chorus_ssh_hosts_in $((depth + 1)) "${found[@]}"
                done
            fi
        done <"$file"
    done
}

# The -F file on the line, else ~/.ssh/config and /etc/ssh/ssh_config.
_chorus_ssh_hosts()
{
    local i config=
    for ((i = 2; i < cword; i++)); do
        case ${words[i]} in
        -F | --ssh-config) config=${words[i + 1]} ;;
        --ssh-config=*) config=${words[i]#*=} ;;
        -F?*) config=${words[i]#-F} ;;
        esac
    done
    [[ $config == "~/"* ]] && config=$HOME/${config#"~/"}
    if [[ -n $config ]]; then
        [[ $config != none ]] && _chorus_ssh_hosts_in 0 "$config"
    else
        _chorus_ssh_hosts_in 0 ~/.ssh/config /etc/ssh/ssh_config
    fi
}

# What the saved profiles offer, one per line: names, @GROUP, @tag:TAG. Asks the program being
# completed (as typed), or chorus on the PATH.
_chorus_saved()
{
    local program=${words[0]}
    [[ $program == "~/"* ]] && program=$HOME/${program#"~/"}
    type -P -- "$program" >/dev/null 2>&1 || program=chorus
    command "$program" hosts list --names </dev/null 2>/dev/null
}

# Host specs for -w and -x: comma-separated host names, @groups and @tag:TAG.
_chorus_hosts_value()
{
    _chorus_before+=${_chorus_item%"${_chorus_item##*,}"}
    _chorus_item=${_chorus_item##*,}
    if [[ $_chorus_item == @* ]]; then
        _chorus_add_lines < <(_chorus_saved | grep '^@')
        [[ '@*' == "$_chorus_item"* ]] && COMPREPLY+=("$_chorus_before@*")
    else
        _chorus_add_lines < <({ _chorus_saved | grep -v '^@'; _chorus_ssh_hosts; } | sort -u)
    fi
}

_chorus_files()
{
    local -a found
    compopt -o filenames 2>/dev/null
    mapfile -t found < <(compgen "${1:--f}" -- "$_chorus_item")
    _chorus_add "${found[@]}"
}

# Completes the value of option $1.
_chorus_value()
{
    case $1 in
    -w | --hosts | -x | --exclude) _chorus_hosts_value ;;
    -H | --hosts-file | -F | --ssh-config | --script | --key) _chorus_files ;;
    -o | --output-dir | --screenshots) _chorus_files -d ;;
    --host-keys) _chorus_add strict accept-new ;;
    --overwrite) _chorus_add always never if-different ;;
    --theme) _chorus_add system light dark ;;
    --auth) _chorus_add agent key password keyboard-interactive ;;
    --format) _chorus_add ssh-config pssh clustershell ansible chorus ;;
    --outcome) _chorus_add ok non-zero failed timed-out cancelled ;;
    -l | --user)
        local -a users
        mapfile -t users < <(compgen -u -- "$_chorus_item")
        _chorus_add "${users[@]}"
        ;;
    --group) _chorus_add_lines < <(_chorus_saved | sed -n '/^@tag:/d; s/^@//p') ;;
    --tag) _chorus_add_lines < <(_chorus_saved | sed -n 's/^@tag://p') ;;
    --jump | --host) _chorus_add_lines < <({ _chorus_saved | grep -v '^@'; _chorus_ssh_hosts; } | sort -u) ;;
    esac
}

# Options (when $_chorus_item starts with -) or the value of the option before it. $1: options that
# take a value, $2: the others. Returns 1 when the word is neither, for the caller's positionals.
_chorus_options()
{
    local valued=" ${1//[[:space:]]/ } " all
    if [[ $_chorus_item == --*=* ]]; then
        local option=${_chorus_item%%=*}
        _chorus_before=$option=
        _chorus_item=${_chorus_item#*=}
        [[ $valued == *" $option "* ]] && _chorus_value "$option"
        return 0
    fi
    if ((cword > 1)) && [[ $valued == *" ${words[cword - 1]} "* ]]; then
        _chorus_value "${words[cword - 1]}"
        return 0
    fi
    if [[ $_chorus_item == -* ]]; then
        read -ra all <<<"${1//[[:space:]]/ } ${2//[[:space:]]/ }"
        _chorus_add "${all[@]}"
        return 0
    fi
    return 1
}

# Index of the first positional argument after word $1 (options and their values skipped), or
# empty; "--" ends the options.
_chorus_first_positional()
{
    local valued=" ${2//[[:space:]]/ } " i
    for ((i = $1; i < cword; i++)); do
        case ${words[i]} in
        --)
            echo $((i + 1))
            return
            ;;
        --*=* | -) ;;
        -*) [[ $valued == *" ${words[i]} "* ]] && ((i++)) ;;
        *)
            echo "$i"
            return
            ;;
        esac
    done
}

_chorus_hosts_command()
{
    local valued flags
    if ((cword == 2)); then
        _chorus_add list add import export remove rm --help
        return
    fi
    case ${words[2]} in
    list) valued='' flags='--json --help' ;;
    add) valued='--host --port --user --group --tag --auth --key --jump --notes' flags='--sudo --help' ;;
    import) valued='--format --group' flags='--dry-run --help' ;;
    export) valued='' flags='--help' ;;
    remove | rm) valued='' flags='--help' ;;
    *) return ;;
    esac
    _chorus_options "$valued" "$flags" && return
    case ${words[2]} in
    list | remove | rm)
        _chorus_add_lines < <(_chorus_saved)
        _chorus_add '@*'
        ;;
    import | export) _chorus_files ;;
    esac
}

_chorus_history_command()
{
    if ((cword == 2)); then
        _chorus_add list show --help
        return
    fi
    case ${words[2]} in
    list) _chorus_options '--command --host --outcome --since --limit' '--json -h --help' ;;
    show) _chorus_options '' '--json -h --help' ;;
    esac
}

_chorus()
{
    local -a words
    local cword
    # Bash splits words at @, : and = (COMP_WORDBREAKS), which chorus's arguments are full of
    # (@prod/web, @tag:db, --hosts=web1): the words come from the line up to the cursor instead.
    if [[ -n ${COMP_LINE+set} ]]; then
        local line=${COMP_LINE:0:${COMP_POINT:-${#COMP_LINE}}}
        read -ra words <<<"$line"
        [[ ${#words[@]} -eq 0 || $line == *[[:space:]] ]] && words+=("")
        cword=$((${#words[@]} - 1))
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local cur=${words[cword]}
    local _chorus_item=$cur _chorus_before=
    COMPREPLY=()

    if ((cword == 1)); then
        if [[ $cur == -* ]]; then
            _chorus_options "$_chorus_top_valued" "$_chorus_top_flags"
        else
            _chorus_add $_chorus_commands
        fi
    else
        case ${words[1]} in
        run)
            # "chorus run -w h COMMAND...": from the first positional on, every word is the command's.
            local first
            first=$(_chorus_first_positional 2 "$_chorus_run_valued")
            if [[ -n $first ]] && ((first < cword)); then
                _chorus_files
            elif [[ -n $first ]] || ! _chorus_options "$_chorus_run_valued" "$_chorus_run_flags"; then
                local -a found
                mapfile -t found < <(compgen -c -- "$_chorus_item" | sort -u)
                _chorus_add "${found[@]}"
            fi
            ;;
        push | pull) _chorus_options "$_chorus_transfer_valued" "$_chorus_transfer_flags" || _chorus_files ;;
        hosts) _chorus_hosts_command ;;
        history) _chorus_history_command ;;
        config)
            # One HOST, named as to ssh.
            if ! _chorus_options '-F --ssh-config -O --option' '-h --help' &&
                [[ -z $(_chorus_first_positional 2 '-F --ssh-config -O --option') ]]; then
                _chorus_add_lines < <(_chorus_ssh_hosts | sort -u)
            fi
            ;;
        -*) _chorus_options "$_chorus_top_valued" "$_chorus_top_flags" ;;
        esac
    fi

    # Readline replaces only the text after the last COMP_WORDBREAKS character (@ : = among them),
    # though with an @ or $ just before it kept in: drop from each answer what comes before that.
    if [[ -n ${COMP_LINE+set} && ${#COMPREPLY[@]} -gt 0 ]]; then
        local breaks=${COMP_WORDBREAKS-$' \t\n"\'><=;|&(:'}
        local replaced=${cur##*["$breaks"]}
        local before=${cur:0:${#cur}-${#replaced}}
        [[ $before == *[@\$] ]] && before=${before%?}
        if [[ -n $before ]]; then
            local i
            for i in "${!COMPREPLY[@]}"; do
                COMPREPLY[i]=${COMPREPLY[i]#"$before"}
            done
        fi
    fi
    return 0
}

complete -F _chorus chorus
