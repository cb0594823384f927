from zhproof.cli import main

main()
