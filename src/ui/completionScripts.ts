// The scripts `pace completion <shell>` prints. Each is a thin shim: on Tab it hands pace the
// words typed so far (`pace completion --words -- <words>`) and offers the lines pace prints, so
// what completes always matches the installed pace, new commands included. A first line of
// FILES asks for the shell's own completion of file names instead.

export type Shell = 'bash' | 'zsh' | 'fish';

export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** The line pace prints when the word is a file name (an import, a backup, --out, --db). */
export const FILES = ':files';

const BASH = `# bash completion for pace. Once, in ~/.bashrc:  source <(pace completion bash)
_pace_complete() {
  local -a found
  local w
  # Read line by line: no word splitting, no file-name expansion of a name such as "arm*".
  # pace escapes each offer for the command line, as the word being typed is quoted (--escaped):
  # "sit to stand" stays one word, and a name with a backquote or $( ) is text, never run.
  while IFS= read -r w; do found+=("$w"); done < <(pace completion --words --quoted --escaped -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  COMPREPLY=()
  if [[ \${found[0]-} == '${FILES}' ]]; then
    compopt -o default 2>/dev/null
    return 0
  fi
  COMPREPLY=("\${found[@]}")
}
complete -F _pace_complete pace
`;

const ZSH = `#compdef pace
# zsh completion for pace. Once, in ~/.zshrc, after compinit:  source <(pace completion zsh)
_pace() {
  local -a found
  found=("\${(@f)$(pace completion --words --quoted -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ \${found[1]-} == '${FILES}' ]]; then
    _files
  else
    compadd -- "\${(@)found:#}"
  fi
}
compdef _pace pace
`;

const FISH = `# fish completion for pace. Once:  pace completion fish > ~/.config/fish/completions/pace.fish
function __pace_complete
    # The word under the cursor as fish will read it (sit\\ to\\ s is "sit to s"); the words
    # before it come unescaped already. Quoted below, so that a fresh (empty) word still counts.
    set -l current (commandline -ct | string unescape)
    set -l typed (commandline -opc) "$current"
    set -e typed[1]
    set -l found (pace completion --words -- $typed 2>/dev/null)
    if test "$found[1]" = '${FILES}'
        __fish_complete_path (commandline -ct)
    else
        printf '%s\\n' $found
    end
end
complete -c pace -f -a '(__pace_complete)'
`;

export function completionScript(shell: Shell): string {
  return { bash: BASH, zsh: ZSH, fish: FISH }[shell];
}
