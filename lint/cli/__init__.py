"""The command line: the executable's entry, the click commands, the lint command and
`statlint init`."""
