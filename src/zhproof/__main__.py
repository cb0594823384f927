import sys

from zhproof.cli import main, run

# `python -m zhproof` runs this file as the program's own __main__ module, and ends with the quick exit of the command
# (cli.run); a host that runs it inside its own process (runpy.run_module) keeps its process: plain main()
if getattr(sys.modules.get("__main__"), "__dict__", None) is globals():
    run()
else:
    main()
