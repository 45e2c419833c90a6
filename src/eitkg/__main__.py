from eitkg.cli import main

main()
