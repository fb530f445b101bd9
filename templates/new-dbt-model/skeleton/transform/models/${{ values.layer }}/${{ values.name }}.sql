-- ${{ values.description }}
${{ values.sql | trim }}
