from artboard.cli import main

main()
