"""Price files shaped like the ones people download, for the reader's, the command line's and the browser's tests."""

# Nasdaq's historical-data download: newest first, month-first dates, dollar signs, volume and the day's range.
NASDAQ = """Date,Close/Last,Volume,Open,High,Low
01/09/2024,$185.14,42841810,$183.92,$185.15,$182.73
01/08/2024,$185.56,59144470,$182.085,$185.60,$181.50
01/05/2024,$181.18,62379660,$181.99,$182.76,$180.17
01/04/2024,$181.91,71983570,$182.15,$183.0872,$180.88
01/03/2024,$184.25,58414460,$184.22,$185.88,$183.43
"""
# The same download a day longer, back to the year's first trading day: six prices, a week of them.
NASDAQ_FROM_JANUARY_2 = NASDAQ + "01/02/2024,$185.64,82488680,$187.15,$188.44,$183.89\n"
