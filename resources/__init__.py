"""The shipped data (fonts, translations, carrier segments, sample campaign), installed as the
package ``kaccount_desk.resources`` so that ``importlib.resources`` finds it in any install;
``kaccount_desk.config.resources_dir()`` is the one place that looks for it."""
