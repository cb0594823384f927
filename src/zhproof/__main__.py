from zhproof.cli import run

run()
