import io
import shutil
import subprocess

from openpyxl import load_workbook


def pdf_text(data: bytes) -> str:
    """The PDF's text via pdftotext (poppler-utils) when installed, else its raw bytes."""
    assert data.startswith(b"%PDF"), data[:20]
    if not shutil.which("pdftotext"):
        return data.decode("latin-1")
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def sheets(data: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(data))
    return {name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames}
